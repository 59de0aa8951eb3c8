import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable, type Writable } from "node:stream";
import { hashingMeter } from "@/lib/backups/hashing-meter";
import { pipeline } from "node:stream/promises";
import { CliError } from "./errors";
import { resolveApiUrl, resolveToken } from "./credentials";

export type Downloaded = { id: string; sizeBytes: number; sha256: string; file: string | null };

/**
 * Streams a binary API answer to `file` (or stdout when null), checking its SHA-256 against the one the
 * server recorded; a mismatching file is removed rather than left looking like a good backup.
 */
export async function downloadTo(
  path: string,
  file: string | null,
  onBytes: (bytes: number) => void,
): Promise<Downloaded> {
  const apiUrl = resolveApiUrl();
  const response = await fetch(`${apiUrl}/api/v1${path}`, {
    headers: { authorization: `Bearer ${resolveToken()}` },
  }).catch((err: Error) => {
    throw new CliError(
      `Cannot reach the Flux API at ${apiUrl}: ${err.message}`,
      "Is the dashboard running? Set FLUX_API_URL to its address.",
    );
  });
  if (!response.ok || !response.body) {
    const envelope = (await response.json().catch(() => ({}))) as { error?: { message?: string; requestId?: string } };
    const requestId = envelope.error?.requestId ? ` (request id ${envelope.error.requestId})` : "";
    throw new CliError(`${envelope.error?.message ?? `The API answered ${response.status}`}${requestId}`);
  }
  const expected = response.headers.get("x-flux-backup-sha256") ?? "";
  const meter = hashingMeter(onBytes);
  const sink: Writable = file ? createWriteStream(file, { mode: 0o600 }) : process.stdout;
  await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), meter.stream, sink, {
    end: Boolean(file),
  });
  const { sizeBytes, sha256 } = meter.result();
  if (expected && sha256 !== expected) {
    if (file) await rm(file, { force: true });
    throw new CliError(
      `The downloaded archive's SHA-256 (${sha256}) differs from the recorded one (${expected}); nothing was kept.`,
      "Try again; if it repeats, run `flux backup verify` on that backup.",
    );
  }
  return { id: response.headers.get("x-flux-backup-id") ?? "", sizeBytes, sha256, file };
}
