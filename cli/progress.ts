/**
 * A one-line progress indicator on stderr for long operations, shown only on a terminal and never with --json
 * (scripts get clean, machine-readable stdout and a quiet stderr).
 */
export function startProgress(label: string, quiet: boolean): { update: (detail: string) => void; done: () => void } {
  if (quiet || !process.stderr.isTTY) return { update: () => undefined, done: () => undefined };
  const started = Date.now();
  let detail = "";
  const draw = () =>
    process.stderr.write(
      `\r\x1b[2K${label}${detail ? ` ${detail}` : ""} (${Math.round((Date.now() - started) / 1000)}s)`,
    );
  draw();
  const timer = setInterval(draw, 500);
  return {
    update(next) {
      detail = next;
      draw();
    },
    done() {
      clearInterval(timer);
      process.stderr.write("\r\x1b[2K");
    },
  };
}

export { formatBytes } from "@/lib/backups/format-bytes";
