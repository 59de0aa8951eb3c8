import type { JSONWebKeySet } from "jose";
import { checkJwksUrl } from "@/lib/issuers/jwks-url";

export type FetchJwksOptions = {
  timeoutMs: number;
  /** Largest JWKS document read; real ones are a few kilobytes. */
  maxBytes: number;
  allowLoopbackHttp: boolean;
};

/** Why a JWKS could not be had; the message is for the gateway's log, never for the client. */
export class JwksFetchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "JwksFetchError";
  }
}

/**
 * GETs one JWKS document: the URL is checked again (a row written before a policy change must not widen it),
 * redirects are refused (the URL an owner registered is the only one trusted), the body is size-capped and must
 * be `{ "keys": [ … ] }`. jose's createLocalJWKSet then decides which keys are usable.
 */
export async function fetchJwks(rawUrl: string, options: FetchJwksOptions): Promise<JSONWebKeySet> {
  const checked = checkJwksUrl(rawUrl, { allowLoopbackHttp: options.allowLoopbackHttp });
  if (!checked.ok) throw new JwksFetchError(`JWKS URL refused: ${checked.message}`);
  let response: Response;
  try {
    response = await fetch(checked.url, {
      redirect: "error",
      headers: { accept: "application/jwk-set+json, application/json" },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new JwksFetchError(`JWKS fetch failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new JwksFetchError(`JWKS endpoint answered ${response.status}`);
  }
  const text = await readCapped(response, options.maxBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new JwksFetchError("JWKS endpoint answered something other than JSON");
  }
  if (!isKeySet(parsed)) throw new JwksFetchError('JWKS document is not { "keys": [ … ] }');
  return parsed;
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  if (typeof value !== "object" || value === null) return false;
  const keys = (value as { keys?: unknown }).keys;
  return Array.isArray(keys) && keys.every((key) => typeof key === "object" && key !== null && !Array.isArray(key));
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new JwksFetchError(`JWKS document is larger than ${maxBytes} bytes`);
  }
  if (!response.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new JwksFetchError(`JWKS document is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
