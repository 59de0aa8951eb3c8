import type { ProjectRow } from "./find-project-row";

/** What the request path knows about the project behind a host, with its JWT key already imported. */
export type ResolvedProject = Omit<ProjectRow, "jwtSecretEncrypted" | "previousJwtSecretEncrypted"> & {
  /** HMAC key imported once from the decrypted project secret; the plaintext is not kept. */
  jwtKey: CryptoKey;
  /** The pre-rotation secret's key, null without one; verify-jwt accepts it only before previousJwtSecretExpiresAt. */
  previousJwtKey: CryptoKey | null;
  /** t_<shortid>_api — forced into Accept-Profile / Content-Profile upstream. */
  schema: string;
  /** t_<shortid>_role — the only role a bridge token for this project may carry. */
  apiRole: string;
};

/** Host → project; null when no project is served there. Implementations cache, never write. */
export interface ProjectDirectory {
  resolve(hostname: string): Promise<ResolvedProject | null>;
  /** Drops a cached resolution (called on the control plane's eviction message, see host-evictions.ts). */
  evict(hostname: string): void;
  /** Drops every cached resolution (after eviction messages may have been missed). */
  clear?(): void;
}
