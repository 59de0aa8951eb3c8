// `npm run bench:jwt`: the HS256 costs on the hot path (rest verifies the bridge token, the gateway verifies the
// project token and signs a bridge token on every request), with the key as raw bytes (today) vs a CryptoKey
// imported once vs node:crypto's synchronous HMAC. Per-operation times, measured side by side.
import { createHmac, timingSafeEqual, webcrypto } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { fmt, formatTable } from "../lib/print-table";

const ITERATIONS = Number(process.env.BENCH_JWT_ITERATIONS ?? 5000);

async function microsecondsPerOp(run: () => unknown): Promise<number> {
  for (let i = 0; i < 500; i++) await run();
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) await run();
  return ((performance.now() - started) * 1000) / ITERATIONS;
}

function verifyWithNodeHmac(token: string, secret: Uint8Array): unknown {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) throw new Error("malformed token");
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, "base64url"))) throw new Error("bad signature");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
}

async function main(): Promise<void> {
  const secret = new TextEncoder().encode("b".repeat(64));
  const key = await webcrypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  const claims = { role: "t_0123456789ab_role", tenant_id: "tenant", claims: { sub: "user", role: "authenticated" } };
  const sign = (k: Uint8Array | CryptoKey) => new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt().setExpirationTime("1m").sign(k);
  const token = await sign(secret);
  const rows: Array<[string, number]> = [
    ["jose jwtVerify, raw bytes key (rest today)", await microsecondsPerOp(() => jwtVerify(token, secret))],
    ["jose jwtVerify, CryptoKey imported once", await microsecondsPerOp(() => jwtVerify(token, key))],
    ["node:crypto createHmac + timingSafeEqual (sync)", await microsecondsPerOp(() => verifyWithNodeHmac(token, secret))],
    ["jose SignJWT, raw bytes key (gateway bridge today)", await microsecondsPerOp(() => sign(secret))],
    ["jose SignJWT, CryptoKey imported once", await microsecondsPerOp(() => sign(key))],
  ];
  console.log(formatTable(["operation (HS256)", "µs/op"], rows.map(([label, us]) => [label, fmt(us, 1)])));
}

void main();
