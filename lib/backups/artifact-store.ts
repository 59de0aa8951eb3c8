import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Writable, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ArtifactState } from "./classify-backup-trust";
import { hashingMeter } from "./hashing-meter";

/**
 * The artifact store: a local directory (FLUX_ARTIFACT_DIR), one file per backup under the tenant's id. Paths
 * are always built here from ids the control plane generated, never from user input.
 */
export function artifactPathFor(artifactDir: string, tenantId: string, backupId: string): string {
  return path.join(artifactDir, tenantId, `${backupId}.dump`);
}

/** Streams `source` to `file`, counting bytes and hashing them on the way (no second read of a large dump). */
export async function writeArtifact(source: Readable, file: string): Promise<{ sizeBytes: number; sha256: string }> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const meter = hashingMeter();
  await pipeline(source, meter.stream, createWriteStream(file, { mode: 0o600 }));
  return meter.result();
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Size and SHA-256 of the bytes read in one streaming pass (never the whole file in memory), or null when the
 * file cannot be read. Both come from the same read, so a file changed between a stat and a hash cannot pass.
 */
export async function measureArtifact(file: string): Promise<{ sizeBytes: number; sha256: string } | null> {
  const meter = hashingMeter();
  try {
    await pipeline(createReadStream(file), meter.stream, new Writable({ write: (_chunk, _enc, done) => done() }));
  } catch {
    return null;
  }
  return meter.result();
}

export async function artifactState(file: string | null): Promise<ArtifactState> {
  if (!file) return { present: false };
  try {
    const info = await stat(file);
    return info.isFile() ? { present: true, sizeBytes: info.size } : { present: false };
  } catch {
    return { present: false };
  }
}

export const openArtifact = (file: string): Readable => createReadStream(file);

export async function removeArtifact(file: string): Promise<void> {
  await rm(file, { force: true });
}
