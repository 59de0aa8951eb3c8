import { SignJWT, type JWTPayload } from "jose";
import { describe, expect, it } from "vitest";
import { TokenCache } from "@/lib/jwt";
import { hmacKey, stubProject, stubRequest } from "../testing/stubs";
import { DEFAULT_VERIFY_OPTIONS, verifyProjectJwt, type VerifiedToken } from "./verify-jwt";

const SECRET = "project-secret-".padEnd(64, "x");
const ROTATED = "rotated-secret-".padEnd(64, "z");
const nowS = () => Math.floor(Date.now() / 1000);

const sign = (claims: JWTPayload, secret = SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(secret));
const bearer = (token: string) => stubRequest({ headers: [["Authorization", `Bearer ${token}`]] });

function cachedOptions(clock = { ms: Date.now() }) {
  const cache = new TokenCache<VerifiedToken>({ maxEntries: 100, maxTokenLength: 4_096 });
  return { options: { ...DEFAULT_VERIFY_OPTIONS, cache, now: () => clock.ms }, cache, clock };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: { code?: string }) => error.code,
  );

describe("verify-jwt cache of verified tokens", () => {
  it("answers a repeated token from the cache with the same claims", async () => {
    const project = await stubProject({ secret: SECRET });
    const { options, cache } = cachedOptions();
    const token = await sign({ role: "authenticated", sub: "u1", exp: nowS() + 300 });
    const first = await verifyProjectJwt(bearer(token), project, options);
    expect(cache.size).toBe(1);
    await expect(verifyProjectJwt(bearer(token), project, options)).resolves.toBe(first);
  });

  it("refuses a cached token replayed after its exp", async () => {
    const project = await stubProject({ secret: SECRET });
    const { options, clock } = cachedOptions();
    const token = await sign({ role: "authenticated", exp: nowS() + 10 });
    await verifyProjectJwt(bearer(token), project, options);
    clock.ms += 60_000; // past exp and the 30 s leeway
    expect(await refusal(verifyProjectJwt(bearer(token), project, options))).toBe("FLUX-GW-AUTH-EXPIRED");
  });

  it("refuses a cached token once the project's secret was rotated away (revocation by rotation)", async () => {
    const project = await stubProject({ secret: SECRET });
    const { options } = cachedOptions();
    const token = await sign({ role: "authenticated", exp: nowS() + 300 });
    await verifyProjectJwt(bearer(token), project, options);
    const rotated = { ...project, jwtKey: await hmacKey(ROTATED), previousJwtKey: null };
    expect(await refusal(verifyProjectJwt(bearer(token), rotated, options))).toBe("FLUX-GW-AUTH-SIGNATURE");
  });

  it("refuses a token cached under the previous secret once the grace period ended", async () => {
    const clock = { ms: Date.now() };
    const previousKey = await hmacKey(SECRET);
    const project = await stubProject({
      secret: ROTATED,
      previousJwtKey: previousKey,
      previousJwtSecretExpiresAt: new Date(clock.ms + 5_000),
    });
    const { options } = cachedOptions(clock);
    const token = await sign({ role: "authenticated", exp: nowS() + 300 });
    await expect(verifyProjectJwt(bearer(token), project, options)).resolves.toMatchObject({ role: "authenticated" });
    clock.ms += 10_000;
    expect(await refusal(verifyProjectJwt(bearer(token), project, options))).toBe("FLUX-GW-AUTH-SIGNATURE");
  });

  it("refuses a cached token presented at another project's host (cross-tenant reuse)", async () => {
    const projectA = await stubProject({ secret: SECRET });
    const projectB = await stubProject({ secret: "b-secret-".padEnd(64, "b") });
    const { options } = cachedOptions();
    const token = await sign({ role: "authenticated", exp: nowS() + 300 });
    await verifyProjectJwt(bearer(token), projectA, options);
    expect(await refusal(verifyProjectJwt(bearer(token), projectB, options))).toBe("FLUX-GW-AUTH-SIGNATURE");
  });

  it("refuses a cached token whose role the project no longer allows", async () => {
    const project = await stubProject({ secret: SECRET });
    const { options } = cachedOptions();
    const token = await sign({ role: "authenticated", exp: nowS() + 300 });
    await verifyProjectJwt(bearer(token), project, options);
    const narrowed = { ...project, allowedRoles: ["anon"] };
    expect(await refusal(verifyProjectJwt(bearer(token), narrowed, options))).toBe("FLUX-GW-ROLE-NOT-ALLOWED");
  });

  it("never caches a refused token (a forged signature stays refused)", async () => {
    const project = await stubProject({ secret: SECRET });
    const { options, cache } = cachedOptions();
    const forged = await sign({ role: "authenticated", exp: nowS() + 300 }, "attacker-secret-".padEnd(64, "a"));
    expect(await refusal(verifyProjectJwt(bearer(forged), project, options))).toBe("FLUX-GW-AUTH-SIGNATURE");
    expect(await refusal(verifyProjectJwt(bearer(forged), project, options))).toBe("FLUX-GW-AUTH-SIGNATURE");
    expect(cache.size).toBe(0);
  });

  it("hands out frozen claims, so one request cannot alter the next one's (cache poisoning)", async () => {
    const project = await stubProject({ secret: SECRET });
    const { options } = cachedOptions();
    const token = await sign({ role: "authenticated", app: { tier: "free" }, exp: nowS() + 300 });
    const claims = await verifyProjectJwt(bearer(token), project, options);
    expect(() => {
      (claims.app as Record<string, unknown>).tier = "admin";
    }).toThrow(TypeError);
  });
});
