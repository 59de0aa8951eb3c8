import { createHash, randomBytes } from "node:crypto";

/** First 16 hex characters of SHA-256(secret): enough to tell keys apart, useless for forging a token. */
export const keyFingerprint = (secret: string): string =>
  createHash("sha256").update(secret, "utf8").digest("hex").slice(0, 16);

export const newKeyId = (): string => `jwk_${randomBytes(9).toString("base64url")}`;
