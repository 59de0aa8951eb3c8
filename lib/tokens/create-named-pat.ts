import { parseInput } from "@/lib/api/parse-input";
import type { Ctx } from "@/lib/context";
import { requireActor } from "@/lib/projects/require-actor";
import { createPersonalAccessToken } from "./create-personal-access-token";
import { parseDuration } from "./parse-duration";
import { CreatePatInput, MAX_PAT_LIFETIME_SECONDS } from "./pat-inputs";

/** `flux pat create`: a token for the signed-in user, shown once in this answer and never again. */
export async function createNamedPat({ ctx, input }: { ctx: Ctx; input: CreatePatInput }) {
  const actor = requireActor(ctx);
  const parsed = parseInput(CreatePatInput, input);
  const seconds = parsed.expiresIn === undefined ? null : parseDuration(parsed.expiresIn, MAX_PAT_LIFETIME_SECONDS);
  const created = await createPersonalAccessToken({
    ctx,
    input: {
      userId: actor.userId,
      name: parsed.name,
      expiresAt: seconds === null ? null : new Date(Date.now() + seconds * 1000),
    },
  });
  return {
    token: created.token,
    id: created.tokenId,
    name: parsed.name,
    prefix: created.prefix,
    expiresAt: created.expiresAt?.toISOString() ?? null,
  };
}
