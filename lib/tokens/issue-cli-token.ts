import { z } from "zod";
import { FluxError } from "@/lib/api/errors";
import { parseInput } from "@/lib/api/parse-input";
import type { Ctx } from "@/lib/context";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { createPersonalAccessToken } from "./create-personal-access-token";

export const CliLoginInput = z.object({
  email: z.string().trim().min(1, "email is required").max(320),
  password: z.string().min(1, "password is required").max(1024),
  name: z.string().trim().min(1).max(200).optional(),
});
export type CliLoginInput = z.input<typeof CliLoginInput>;

/** CLI sessions last 90 days; `flux login` again issues a fresh token. */
const CLI_TOKEN_LIFETIME_MS = 90 * 86_400_000;

/**
 * E-mail + password → a new personal access token for the CLI. The same error for an unknown e-mail and a
 * wrong password, so the endpoint cannot be used to discover accounts.
 */
export async function issueCliToken({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = parseInput(CliLoginInput, input);
  const user = await authenticateUser(ctx, parsed.email, parsed.password);
  if (!user) throw new FluxError("invalid_credentials", "E-mail or password is incorrect.");
  const created = await createPersonalAccessToken({
    ctx,
    input: {
      userId: user.id,
      name: parsed.name ?? "flux CLI",
      expiresAt: new Date(Date.now() + CLI_TOKEN_LIFETIME_MS),
    },
  });
  return { token: created.token, tokenId: created.tokenId, user: { id: user.id, email: user.email } };
}
