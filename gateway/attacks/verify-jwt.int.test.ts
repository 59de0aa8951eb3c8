import { generateKeyPair, exportSPKI, SignJWT, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleNameOf } from "@/lib/tenancy";
import { generateJwtSecret } from "@/lib/secrets";
import { startTestGateway, type TestGateway } from "../testing/harness";
import { seedProject, type SeededProject } from "../testing/seed-project";
import { send, type Answer } from "../testing/send";

/** Step 3 (verify-jwt): every way to present a token the project did not issue, or one it must not honour. */
let gw: TestGateway;
let a: SeededProject;
let b: SeededProject;
const now = () => Math.floor(Date.now() / 1000);
const good = (): JWTPayload => ({ role: "authenticated", sub: "user-1", iat: now(), exp: now() + 300 });

beforeAll(async () => {
  gw = await startTestGateway();
  a = await seedProject(gw.seedDb.db);
  b = await seedProject(gw.seedDb.db);
});
afterAll(async () => {
  await gw?.close();
});

async function hs256(claims: JWTPayload, secret: string, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT", ...header })
    .sign(new TextEncoder().encode(secret));
}
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function present(token: string, project: SeededProject = a): Promise<Answer> {
  return send(gw.port, { host: project.host, headers: { Authorization: `Bearer ${token}` } });
}

function expectRefused(answer: Answer, code: string): void {
  expect(answer.status).toBe(401);
  expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  expect(answer.headers["www-authenticate"]).toBe('Bearer realm="flux"');
  expect(answer.json()).toMatchObject({ code, message: expect.any(String), hint: expect.any(String) });
}

describe("attacks on token verification", () => {
  it("stops a forged signature (payload edited after signing)", async () => {
    const [header, , signature] = (await hs256(good(), a.secret)).split(".");
    const forged = `${header}.${part({ ...good(), role: "authenticated", sub: "admin" })}.${signature}`;
    expectRefused(await present(forged), "FLUX-GW-AUTH-SIGNATURE");
  });

  it("stops a token signed with another project's secret", async () => {
    expectRefused(await present(await hs256(good(), b.secret)), "FLUX-GW-AUTH-SIGNATURE");
  });

  it("stops an unsigned alg=none token", async () => {
    expectRefused(await present(`${part({ alg: "none", typ: "JWT" })}.${part(good())}.`), "FLUX-GW-AUTH-ALG");
  });

  it("stops an RS256 token (HS/RS confusion: the gateway never verifies with a public key)", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const rs = await new SignJWT(good()).setProtectedHeader({ alg: "RS256" }).sign(privateKey);
    expectRefused(await present(rs), "FLUX-GW-AUTH-ALG");
  });

  it("stops an HS256 token whose HMAC key is a public key PEM (classic key confusion)", async () => {
    const { publicKey } = await generateKeyPair("RS256");
    const pem = await exportSPKI(publicKey);
    expectRefused(await present(await hs256(good(), pem)), "FLUX-GW-AUTH-SIGNATURE");
  });

  it("stops an expired token", async () => {
    expectRefused(await present(await hs256({ ...good(), exp: now() - 120 }, a.secret)), "FLUX-GW-AUTH-EXPIRED");
  });

  it("stops a not-yet-valid token (nbf in the future)", async () => {
    expectRefused(await present(await hs256({ ...good(), nbf: now() + 600 }, a.secret)), "FLUX-GW-AUTH-NOT-YET-VALID");
  });

  it("stops a token issued far in the future (iat)", async () => {
    expectRefused(
      await present(await hs256({ ...good(), iat: now() + 86_400 * 365 }, a.secret)),
      "FLUX-GW-AUTH-NOT-YET-VALID",
    );
  });

  it("stops a never-expiring token (exp missing)", async () => {
    const { exp: _exp, ...noExp } = good();
    expectRefused(await present(await hs256(noExp, a.secret)), "FLUX-GW-AUTH-EXP-MISSING");
  });

  it("stops an oversized token before any cryptography runs", async () => {
    expectRefused(
      await present(await hs256({ ...good(), pad: "p".repeat(9_000) }, a.secret)),
      "FLUX-GW-AUTH-TOO-LARGE",
    );
  });

  it("stops a role claim naming a tenant role (even this project's own)", async () => {
    expectRefused(
      await present(await hs256({ ...good(), role: roleNameOf(a.tenantId) }, a.secret)),
      "FLUX-GW-ROLE-FORBIDDEN",
    );
    expectRefused(
      await present(await hs256({ ...good(), role: roleNameOf(b.tenantId) }, a.secret)),
      "FLUX-GW-ROLE-FORBIDDEN",
    );
  });

  it("stops a role claim naming postgres, even when a project lists it as allowed", async () => {
    const careless = await seedProject(gw.seedDb.db, { allowedRoles: ["anon", "postgres"] });
    expectRefused(
      await present(await hs256({ ...good(), role: "postgres" }, careless.secret), careless),
      "FLUX-GW-ROLE-FORBIDDEN",
    );
  });

  it("stops a role the project does not allow", async () => {
    expectRefused(
      await present(await hs256({ ...good(), role: "service_role" }, a.secret)),
      "FLUX-GW-ROLE-NOT-ALLOWED",
    );
  });

  it("stops a token naming an unknown key id (kid)", async () => {
    expectRefused(await present(await hs256(good(), a.secret, { kid: "../../other-project" })), "FLUX-GW-AUTH-KID");
  });

  it("stops the previous secret once the rotation's grace period has ended", async () => {
    const old = generateJwtSecret();
    const rotated = await seedProject(gw.seedDb.db, {
      previous: { secret: old, expiresAt: new Date(Date.now() - 1_000) },
    });
    expectRefused(await present(await hs256(good(), old), rotated), "FLUX-GW-AUTH-SIGNATURE");
  });

  it("accepts the previous secret during the grace period (and the new one)", async () => {
    const old = generateJwtSecret();
    const rotating = await seedProject(gw.seedDb.db, {
      previous: { secret: old, expiresAt: new Date(Date.now() + 60_000) },
    });
    expect((await present(await hs256(good(), old), rotating)).status).toBe(200);
    expect((await present(await hs256(good(), rotating.secret), rotating)).status).toBe(200);
  });

  it("stops a tokenless request unless the project opted into anonymous access (then it is anon)", async () => {
    expectRefused(await send(gw.port, { host: a.host }), "FLUX-GW-AUTH-MISSING");
    const open = await seedProject(gw.seedDb.db, { anonymousAccess: true });
    const answer = await send(gw.port, { host: open.host });
    expect(answer.status).toBe(200);
    expect(gw.upstream.seen.at(-1)?.bridge).toMatchObject({
      role: roleNameOf(open.tenantId),
      claims: { role: "anon" },
    });
  });

  it("stops a garbage Authorization header on an anonymous project instead of downgrading it to anon", async () => {
    const open = await seedProject(gw.seedDb.db, { anonymousAccess: true });
    expectRefused(
      await send(gw.port, { host: open.host, headers: { Authorization: "Bearer not.a.jwt" } }),
      "FLUX-GW-AUTH-MALFORMED",
    );
  });
});
