import { createHash, randomBytes } from "node:crypto";

export const PAT_PREFIX = "flux_pat_";

/** Only this digest is stored; a database leak does not reveal usable tokens. */
export const sha256Hex = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export const newPatSecret = (): string => `${PAT_PREFIX}${randomBytes(32).toString("base64url")}`;
export const newPatId = (): string => `pat_${randomBytes(12).toString("base64url")}`;

/** Four random characters after the fixed prefix: enough to tell tokens apart in a list. */
export const displayPrefixOf = (token: string): string => token.slice(0, PAT_PREFIX.length + 4);
