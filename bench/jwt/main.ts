// `npm run bench:jwt`: the HS256 costs on the hot path (rest verifies the bridge token, the gateway verifies the
// project token and signs a bridge token on every request): raw bytes vs a CryptoKey imported once vs node:crypto,
// and the real pipeline functions without and with the verified-token caches of decision 0019. Per operation,
// wall time and CPU time (process.cpuUsage, all threads: WebCrypto runs on the libuv pool), side by side.
import { createHmac, timingSafeEqual, webcrypto } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { bridgeKey, createBridgeVerifier, signProjectToken, TokenCache, verifyBridgeToken } from "@/lib/jwt";
import { createBridgeMinter, importBridgeSigningKey, mintBridge } from "@/gateway/pipeline/bridge";
import { DEFAULT_VERIFY_OPTIONS, verifyProjectJwt, type VerifiedToken } from "@/gateway/pipeline/verify-jwt";
import { stubProject, stubRequest } from "@/gateway/testing/stubs";
import { fmt, formatTable } from "../lib/print-table";

const ITERATIONS = Number(process.env.BENCH_JWT_ITERATIONS ?? 5000);

type Cost = { wallUs: number; cpuUs: number };

async function costPerOp(run: () => unknown): Promise<Cost> {
  for (let i = 0; i < 500; i++) await run();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < ITERATIONS; i++) await run();
  const used = process.cpuUsage(cpu);
  return { wallUs: ((performance.now() - started) * 1000) / ITERATIONS, cpuUs: (used.user + used.system) / ITERATIONS };
}

function verifyWithNodeHmac(token: string, secret: Uint8Array): unknown {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) throw new Error("malformed token");
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, "base64url"))) throw new Error("bad signature");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
}

async function main(): Promise<void> {
  const secretText = "b".repeat(64);
  const secret = new TextEncoder().encode(secretText);
  const key = await webcrypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
  const claims = { role: "t_0123456789ab_role", tenant_id: "tenant", claims: { sub: "user", role: "authenticated" } };
  const sign = (k: Uint8Array | CryptoKey) =>
    new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt().setExpirationTime("1m").sign(k);
  const token = await sign(secret);

  const projectSecret = "p".repeat(64);
  const project = await stubProject({ secret: projectSecret });
  const { token: projectToken } = await signProjectToken({
    secret: projectSecret,
    role: "authenticated",
    sub: "u1",
    expiresInSeconds: 3600,
  });
  const projectRequest = stubRequest({ headers: [["Authorization", `Bearer ${projectToken}`]] });
  const verifyCache = new TokenCache<VerifiedToken>({ maxEntries: 10_000, maxTokenLength: 4_096 });
  const projectClaims = await verifyProjectJwt(projectRequest, project);
  const signingKey = await importBridgeSigningKey(secretText);
  const minter = createBridgeMinter(signingKey);
  const bridgeToken = await mintBridge(project, projectClaims, signingKey);
  const restVerifier = createBridgeVerifier(secretText);
  const restVerifierUncached = createBridgeVerifier(secretText, { maxEntries: 0 });

  const rows: Array<[string, Cost]> = [
    ["jose jwtVerify, raw bytes key", await costPerOp(() => jwtVerify(token, secret))],
    ["jose jwtVerify, CryptoKey imported once", await costPerOp(() => jwtVerify(token, key))],
    ["node:crypto createHmac + timingSafeEqual (sync)", await costPerOp(() => verifyWithNodeHmac(token, secret))],
    ["jose SignJWT, raw bytes key", await costPerOp(() => sign(secret))],
    ["jose SignJWT, CryptoKey imported once", await costPerOp(() => sign(key))],
    [
      "rest: verify bridge token, raw bytes (before 0019)",
      await costPerOp(() => verifyBridgeToken(bridgeToken, bridgeKey(secretText))),
    ],
    [
      "rest: verify bridge token, CryptoKey, cache off",
      await costPerOp(() => restVerifierUncached.verify(bridgeToken)),
    ],
    ["rest: verify bridge token, cache hit", await costPerOp(() => restVerifier.verify(bridgeToken))],
    [
      "gateway: verify project token (step 3), no cache",
      await costPerOp(() => verifyProjectJwt(projectRequest, project)),
    ],
    [
      "gateway: verify project token (step 3), cache hit",
      await costPerOp(() =>
        verifyProjectJwt(projectRequest, project, { ...DEFAULT_VERIFY_OPTIONS, cache: verifyCache }),
      ),
    ],
    [
      "gateway: mint bridge token (step 5), every request",
      await costPerOp(() => mintBridge(project, projectClaims, signingKey)),
    ],
    ["gateway: mint bridge token (step 5), reused", await costPerOp(() => minter(project, projectClaims))],
  ];
  console.log(
    formatTable(
      ["operation (HS256)", "wall µs/op", "cpu µs/op"],
      rows.map(([label, cost]) => [label, fmt(cost.wallUs, 1), fmt(cost.cpuUs, 1)]),
    ),
  );
}

void main();
