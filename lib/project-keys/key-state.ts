import type { projectJwtKeys } from "@/drizzle/schema";

export type KeyRow = typeof projectJwtKeys.$inferSelect;
export type KeyState = "current" | "previous" | "revoked";

export type KeyResponse = {
  id: string;
  fingerprint: string;
  state: KeyState;
  activatedAt: string;
  retiredAt: string | null;
  /** While previous: when the grace ends. */
  acceptedUntil: string | null;
  /** When revoked: since when tokens signed with it are refused. */
  revokedAt: string | null;
};

export function keyState(row: Pick<KeyRow, "retiredAt" | "acceptedUntil">, now: Date): KeyState {
  if (row.retiredAt === null) return "current";
  return row.acceptedUntil !== null && row.acceptedUntil > now ? "previous" : "revoked";
}

/** What of a key leaves the server: dates, state and fingerprint, never secret material. */
export function toKeyResponse(row: KeyRow, now: Date): KeyResponse {
  const state = keyState(row, now);
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    state,
    activatedAt: row.activatedAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
    acceptedUntil: state === "previous" ? (row.acceptedUntil?.toISOString() ?? null) : null,
    revokedAt: state === "revoked" ? ((row.acceptedUntil ?? row.retiredAt)?.toISOString() ?? null) : null,
  };
}
