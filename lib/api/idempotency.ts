import { createHash } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import { idempotencyKeys } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import { decryptSecret, encryptSecret } from "@/lib/secrets";
import { FluxError } from "./errors";
import { json } from "./handler";

/** A retried create within this window gets the first answer back. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

type Answer = { status: number; body: unknown };

/**
 * Runs a create at most once per (user, Idempotency-Key): a retry with the same key and the same request
 * replays the stored answer (header `Idempotency-Replayed: true`); the same key with a different request is
 * refused with 422. Only successful answers are stored, so a failed attempt can simply be retried.
 * Without the header, or without a signed-in actor, `create` just runs.
 */
export async function idempotent(
  req: Request,
  ctx: Ctx,
  input: unknown,
  create: () => Promise<Answer>,
): Promise<Response> {
  const key = req.headers.get("idempotency-key");
  if (key === null || !ctx.actor) {
    const answer = await create();
    return json(answer.body, answer.status);
  }
  if (!KEY_FORMAT.test(key)) {
    throw new FluxError(
      "bad_request",
      "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces, e.g. a UUID.",
    );
  }
  const userId = ctx.actor.userId;
  const fingerprint = fingerprintOf(req, input);
  const context = `idempotency:${userId}:${key}`;
  const [seen] = await ctx.db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, userId),
        eq(idempotencyKeys.key, key),
        gt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_WINDOW_HOURS})`),
      ),
    )
    .limit(1);
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw new FluxError(
        "unprocessable",
        "This Idempotency-Key was already used for a different request; use a new key for a new request.",
      );
    }
    const replay = json(
      JSON.parse(decryptSecret(seen.bodyEncrypted, ctx.config.FLUX_MASTER_KEY, context)),
      seen.status,
    );
    replay.headers.set("idempotency-replayed", "true");
    return replay;
  }
  const answer = await create();
  const stored = {
    fingerprint,
    status: answer.status,
    bodyEncrypted: encryptSecret(JSON.stringify(answer.body), ctx.config.FLUX_MASTER_KEY, context),
    createdAt: new Date(),
  };
  await ctx.db
    .insert(idempotencyKeys)
    .values({ userId, key, ...stored })
    .onConflictDoUpdate({ target: [idempotencyKeys.userId, idempotencyKeys.key], set: stored });
  return json(answer.body, answer.status);
}

function fingerprintOf(req: Request, input: unknown): string {
  const path = new URL(req.url).pathname;
  return createHash("sha256")
    .update(`${req.method} ${path}\n${JSON.stringify(input)}`)
    .digest("hex");
}
