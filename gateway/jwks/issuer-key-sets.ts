import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTHeaderParameters, type FlattenedJWSInput } from "jose";
import { fetchJwks, type FetchJwksOptions } from "./fetch-jwks";

export type IssuerKeySetsOptions = FetchJwksOptions & {
  /** The least time between two fetches of one JWKS URL, whatever asks for them (unknown kid, age, failure). */
  cooldownMs: number;
  /** A fetched set older than this is refreshed in the background while the old keys keep verifying. */
  maxAgeMs: number;
  /** JWKS URLs remembered at most; the least recently used is forgotten first. */
  maxEntries?: number;
  now?: () => number;
  /** Told about every fetch and its outcome (log and metrics). */
  onFetch?: (event: { url: string; ok: boolean; reason: string; error?: string }) => void;
};

type KeyResolver = (header: JWTHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey>;

type Entry = {
  resolve: KeyResolver | null;
  /** Counts successful fetches: a key resolved from one set is only vouched for while this stays the same. */
  generation: number;
  fetchedAt: number;
  /** When the last fetch started, successful or not: the cooldown counts from here. */
  attemptedAt: number;
  inFlight: Promise<void> | null;
  lastError: string | null;
};

/** Raised when a JWKS has never been fetched successfully and cannot be fetched now. */
export class JwksUnavailable extends Error {
  constructor(
    readonly url: string,
    readonly retryAfterSeconds: number,
    reason: string,
  ) {
    super(reason);
    this.name = "JwksUnavailable";
  }
}

/**
 * Public keys of trusted issuers, one cached set per JWKS URL, shared by every project that trusts the URL
 * (docs/decisions/0020-jwks-cache-and-refresh.md):
 * - first use fetches; later uses verify from memory;
 * - a `kid` the cached set lacks triggers a refresh, but at most one fetch per URL per cooldown, so a stream of
 *   made-up kids cannot turn the gateway into a load generator against the issuer;
 * - a set older than maxAge is refreshed in the background; while the issuer is unreachable the cached keys keep
 *   verifying (a brief outage signs nobody out); concurrent callers share one fetch.
 */
export class IssuerKeySets {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: IssuerKeySetsOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * The generation of the key set at `url` while it is fresh; null when it was never fetched or is past maxAge.
   * A verification remembered under a generation holds only while this still returns it (verify-jwt.ts): a
   * refresh that dropped the key, or a set due for one, sends the token through a full verification again.
   */
  freshGeneration(url: string): number | null {
    const entry = this.entries.get(url);
    if (!entry?.resolve || this.now() - entry.fetchedAt >= this.options.maxAgeMs) return null;
    return entry.generation;
  }

  /**
   * A jose key resolver for tokens of the issuer whose JWKS lives at `url`. `onKey` learns the generation of the
   * set the returned key came from.
   */
  resolverFor(url: string, onKey: (generation: number) => void = () => {}): KeyResolver {
    const fromSet = (entry: Entry, header: JWTHeaderParameters, token: FlattenedJWSInput) => {
      const resolve = entry.resolve as KeyResolver;
      const generation = entry.generation;
      return resolve(header, token).then((key) => {
        onKey(generation);
        return key;
      });
    };
    return async (header, token) => {
      const entry = this.entryFor(url);
      if (entry.inFlight) await entry.inFlight;
      if (!entry.resolve) {
        await this.refresh(url, entry, "first use");
        if (!entry.resolve) throw this.unavailable(url, entry);
      } else if (this.now() - entry.fetchedAt >= this.options.maxAgeMs && this.cooledDown(entry)) {
        void this.refresh(url, entry, "max age");
      }
      try {
        return await fromSet(entry, header, token);
      } catch (error) {
        if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
        // Unknown kid: the issuer may have rotated. Refresh once per cooldown, then try the new set.
        if (entry.inFlight) await entry.inFlight;
        else if (this.cooledDown(entry)) await this.refresh(url, entry, "unknown kid");
        else throw error;
        if (!entry.resolve) throw error;
        return fromSet(entry, header, token);
      }
    };
  }

  private entryFor(url: string): Entry {
    let entry = this.entries.get(url);
    if (entry) {
      this.entries.delete(url);
    } else {
      entry = {
        resolve: null,
        generation: 0,
        fetchedAt: 0,
        attemptedAt: Number.NEGATIVE_INFINITY,
        inFlight: null,
        lastError: null,
      };
    }
    this.entries.set(url, entry);
    const max = this.options.maxEntries ?? 1_000;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  private cooledDown(entry: Entry): boolean {
    return this.now() - entry.attemptedAt >= this.options.cooldownMs;
  }

  /** One fetch at a time per URL, never two within the cooldown; a failure keeps whatever keys were there. */
  private refresh(url: string, entry: Entry, reason: string): Promise<void> {
    if (entry.inFlight) return entry.inFlight;
    if (!this.cooledDown(entry)) return Promise.resolve();
    entry.attemptedAt = this.now();
    entry.inFlight = fetchJwks(url, this.options)
      .then((set: JSONWebKeySet) => {
        entry.resolve = createLocalJWKSet(set);
        entry.generation++;
        entry.fetchedAt = this.now();
        entry.lastError = null;
        this.options.onFetch?.({ url, ok: true, reason });
      })
      .catch((error: unknown) => {
        entry.lastError = error instanceof Error ? error.message : String(error);
        this.options.onFetch?.({ url, ok: false, reason, error: entry.lastError });
      })
      .finally(() => {
        entry.inFlight = null;
      });
    return entry.inFlight;
  }

  private unavailable(url: string, entry: Entry): JwksUnavailable {
    const waitMs = Math.max(0, entry.attemptedAt + this.options.cooldownMs - this.now());
    return new JwksUnavailable(url, Math.max(1, Math.ceil(waitMs / 1000)), entry.lastError ?? "not fetched yet");
  }
}
