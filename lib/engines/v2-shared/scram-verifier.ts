import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";

const ITERATIONS = 4096;

/**
 * A SCRAM-SHA-256 verifier in PostgreSQL's `rolpassword` format (RFC 5802 / 7677). Sending the verifier
 * instead of the plain password keeps the derived password out of server logs and `pg_stat_statements`.
 * Derived passwords are hex, so SASLprep leaves them unchanged.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const salted = pbkdf2Sync(password, salt, ITERATIONS, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

/** True when `verifier` (as stored in pg_authid) accepts `password`. */
export function scramVerifierMatches(verifier: string, password: string): boolean {
  const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/.exec(verifier);
  if (!match?.[1] || !match[2] || Number(match[1]) !== ITERATIONS) return false;
  return scramVerifier(password, Buffer.from(match[2], "base64")) === verifier;
}
