import { createHash } from "node:crypto";
import { Transform } from "node:stream";

/** A pass-through stream that counts and SHA-256-hashes what flows through it (one read of a large archive). */
export function hashingMeter(onBytes?: (total: number) => void): {
  stream: Transform;
  result: () => { sizeBytes: number; sha256: string };
} {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      onBytes?.(sizeBytes);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sizeBytes, sha256: hash.digest("hex") }) };
}
