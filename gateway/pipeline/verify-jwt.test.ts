import { SignJWT, type JWTPayload } from "jose";
import { describe, expect, it } from "vitest";
import { GatewayError } from "../errors";
import { stubProject, stubRequest } from "../testing/stubs";
import { DEFAULT_VERIFY_OPTIONS, verifyProjectJwt } from "./verify-jwt";

const MAX_TOKEN_BYTES = DEFAULT_VERIFY_OPTIONS.maxTokenBytes;

const SECRET = "project-secret-".padEnd(64, "x");
const OTHER_SECRET = "another-projects-secret-".padEnd(64, "y");
const now = () => Math.floor(Date.now() / 1000);

async function sign(claims: JWTPayload, options: { secret?: string; alg?: string } = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

const unsigned = (claims: JWTPayload) =>
  `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`;

async function verify(authorization: string | undefined) {
  const project = await stubProject({ secret: SECRET });
  const req = stubRequest({ headers: authorization === undefined ? [] : [["Authorization", authorization]] });
  return verifyProjectJwt(req, project);
}

async function codeOf(authorization: string | undefined): Promise<string> {
  const error = await verify(authorization).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof GatewayError)) throw new Error("expected the token to be refused");
  expect(error.status).toBe(401);
  return error.code;
}

const valid = { role: "authenticated", sub: "user-1", exp: now() + 300, iat: now() };

describe("verify-jwt step", () => {
  it("accepts an HS256 token signed with the project's secret and returns its claims", async () => {
    await expect(verify(`Bearer ${await sign(valid)}`)).resolves.toMatchObject({
      role: "authenticated",
      sub: "user-1",
    });
  });

  it("refuses a request without Authorization", async () => {
    expect(await codeOf(undefined)).toBe("FLUX-GW-AUTH-MISSING");
  });

  it("refuses a non-Bearer Authorization and a garbage token as malformed", async () => {
    expect(await codeOf(`Basic ${Buffer.from("a:b").toString("base64")}`)).toBe("FLUX-GW-AUTH-MALFORMED");
    expect(await codeOf("Bearer not-a-jwt")).toBe("FLUX-GW-AUTH-MALFORMED");
  });

  it("refuses a token over 8 KB before parsing it (stops CPU/memory abuse)", async () => {
    const huge = await sign({ ...valid, pad: "p".repeat(MAX_TOKEN_BYTES) });
    expect(await codeOf(`Bearer ${huge}`)).toBe("FLUX-GW-AUTH-TOO-LARGE");
  });

  it("rejects a token signed with another project's secret", async () => {
    expect(await codeOf(`Bearer ${await sign(valid, { secret: OTHER_SECRET })}`)).toBe("FLUX-GW-AUTH-SIGNATURE");
  });

  it("rejects an unsigned alg=none token", async () => {
    expect(await codeOf(`Bearer ${unsigned(valid)}`)).toBe("FLUX-GW-AUTH-ALG");
  });

  it("rejects another HMAC algorithm (only HS256 is allowed)", async () => {
    expect(await codeOf(`Bearer ${await sign(valid, { alg: "HS512" })}`)).toBe("FLUX-GW-AUTH-ALG");
  });

  it("rejects an expired token but tolerates 30 s of clock skew", async () => {
    expect(await codeOf(`Bearer ${await sign({ ...valid, exp: now() - 60 })}`)).toBe("FLUX-GW-AUTH-EXPIRED");
    await expect(verify(`Bearer ${await sign({ ...valid, exp: now() - 10 })}`)).resolves.toBeTruthy();
  });

  it("rejects a token without exp (stops never-expiring tokens)", async () => {
    expect(await codeOf(`Bearer ${await sign({ role: "anon" })}`)).toBe("FLUX-GW-AUTH-EXP-MISSING");
  });

  it("rejects a token whose nbf or iat lies more than 30 s in the future", async () => {
    expect(await codeOf(`Bearer ${await sign({ ...valid, nbf: now() + 120 })}`)).toBe("FLUX-GW-AUTH-NOT-YET-VALID");
    expect(await codeOf(`Bearer ${await sign({ ...valid, iat: now() + 120 })}`)).toBe("FLUX-GW-AUTH-NOT-YET-VALID");
  });

  it("rejects a role the project does not allow, such as postgres", async () => {
    expect(await codeOf(`Bearer ${await sign({ ...valid, role: "postgres" })}`)).toBe("FLUX-GW-ROLE-FORBIDDEN");
    expect(await codeOf(`Bearer ${await sign({ ...valid, role: "service_role" })}`)).toBe("FLUX-GW-ROLE-NOT-ALLOWED");
    expect(await codeOf(`Bearer ${await sign({ exp: now() + 60 })}`)).toBe("FLUX-GW-ROLE-NOT-ALLOWED");
  });

  it("serves a tokenless request as anon only when the project allows anonymous access", async () => {
    const project = await stubProject({ secret: SECRET, anonymousAccess: true });
    await expect(verifyProjectJwt(stubRequest(), project)).resolves.toEqual({ role: "anon" });
  });

  it("accepts the previous secret during the grace period and refuses it after", async () => {
    const base = await stubProject({ secret: SECRET });
    const previous = await stubProject({ secret: OTHER_SECRET });
    const req = stubRequest({ headers: [["Authorization", `Bearer ${await sign(valid, { secret: OTHER_SECRET })}`]] });
    const inGrace = {
      ...base,
      previousJwtKey: previous.jwtKey,
      previousJwtSecretExpiresAt: new Date(Date.now() + 60_000),
    };
    await expect(verifyProjectJwt(req, inGrace)).resolves.toMatchObject({ sub: "user-1" });
    const afterGrace = { ...inGrace, previousJwtSecretExpiresAt: new Date(Date.now() - 1) };
    await expect(verifyProjectJwt(req, afterGrace)).rejects.toMatchObject({ code: "FLUX-GW-AUTH-SIGNATURE" });
  });

  it("honours a configured leeway", async () => {
    const project = await stubProject({ secret: SECRET });
    const req = stubRequest({ headers: [["Authorization", `Bearer ${await sign({ ...valid, exp: now() - 10 })}`]] });
    await expect(verifyProjectJwt(req, project, { ...DEFAULT_VERIFY_OPTIONS, leewaySeconds: 0 })).rejects.toMatchObject(
      { code: "FLUX-GW-AUTH-EXPIRED" },
    );
  });
});
