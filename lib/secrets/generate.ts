import { createHmac, randomBytes } from "node:crypto";

/** A project's JWT secret: 48 random bytes, base64url (64 characters), usable as an HS256 key. */
export function generateJwtSecret(): string {
  return randomBytes(48).toString("base64url");
}

/**
 * The password of a tenant LOGIN role: HMAC-SHA256(data-plane key, role name). Derived, so `rest` and the
 * migration runner need no secret store, and rotating the data-plane key rotates every role password.
 */
export function derivedRolePassword(dataPlaneKey: string, roleName: string): string {
  return createHmac("sha256", dataPlaneKey).update(`role-password:${roleName}`).digest("hex");
}

/** Encryption context of a project's JWT secret: ties the ciphertext to its row. */
export const jwtSecretContext = (tenantId: string) => `project-jwt-secret:${tenantId}`;
