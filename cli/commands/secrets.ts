import type { Command } from "commander";
import { callApi } from "../api-client";
import { emit, table } from "../output";

type Key = {
  id: string;
  fingerprint: string;
  state: string;
  activatedAt: string;
  retiredAt: string | null;
  acceptedUntil: string | null;
  revokedAt: string | null;
};
type Rotation = { slug: string; current: Key; previous: Key; graceEndsAt: string };

const keysPath = (slug: string, action = "") => `/projects/${encodeURIComponent(slug)}/keys${action}`;

/** `flux secrets show | rotate | end-grace | list --project <slug>`: the project's JWT secret and its history. */
export function registerSecrets(program: Command): void {
  const secrets = program
    .command("secrets")
    .description("the project's JWT secret: show, rotate with a grace period, end the grace");

  secrets
    .command("show")
    .description("print the current JWT secret (owner only; the reveal is audited)")
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; json?: boolean }) => {
      const revealed = await callApi<{ slug: string; secret: string; fingerprint: string }>(
        "GET",
        `/projects/${encodeURIComponent(opts.project)}/secret`,
      );
      emit(Boolean(opts.json), revealed, () => revealed.secret);
    });

  secrets
    .command("rotate")
    .description("replace the JWT secret; the previous one is still accepted until the grace ends (owner only)")
    .requiredOption("--project <slug>", "the project")
    .option(
      "--grace <duration>",
      "how long the previous secret stays valid, e.g. 30m, 7d, 0s (default: 30d15m, the longest token lifetime + 15 min)",
    )
    .option("--json", "print JSON")
    .action(async (opts: { project: string; grace?: string; json?: boolean }) => {
      const rotation = await callApi<Rotation>("POST", keysPath(opts.project, "/rotate"), {
        body: opts.grace === undefined ? {} : { grace: opts.grace },
      });
      emit(Boolean(opts.json), rotation, () =>
        [
          `Rotated the JWT secret of ${rotation.slug}: current key ${rotation.current.id} (${rotation.current.fingerprint}).`,
          `  The previous key ${rotation.previous.id} is accepted until ${rotation.graceEndsAt}.`,
          `  Get the new secret with \`flux secrets show --project ${rotation.slug}\`; end the grace early with \`flux secrets end-grace --project ${rotation.slug}\`.`,
        ].join("\n"),
      );
    });

  secrets
    .command("end-grace")
    .description("refuse the previous secret from now on (owner only)")
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; json?: boolean }) => {
      const ended = await callApi<{ slug: string; revoked: Key[] }>("POST", keysPath(opts.project, "/end-grace"));
      emit(
        Boolean(opts.json),
        ended,
        () => `Ended the grace of ${ended.slug}: ${ended.revoked.map((key) => key.id).join(", ")} now refused.`,
      );
    });

  secrets
    .command("list")
    .description("every key of the project with its state (current / previous / revoked) and dates")
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; json?: boolean }) => {
      const { data } = await callApi<{ data: Key[] }>("GET", keysPath(opts.project));
      emit(Boolean(opts.json), data, () =>
        table(
          data.map((key) => ({
            id: key.id,
            state: key.state,
            fingerprint: key.fingerprint,
            activated: key.activatedAt,
            until: key.acceptedUntil ?? key.revokedAt ?? "",
          })),
          ["id", "state", "fingerprint", "activated", "until"],
        ),
      );
    });
}
