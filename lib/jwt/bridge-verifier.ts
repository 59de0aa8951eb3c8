import { importBridgeKey, verifyBridgeTokenWithExpiry, type BridgeClaims } from "./bridge-token";
import { deepFreeze } from "./deep-freeze";
import { TokenCache } from "./token-cache";

export type BridgeVerifier = { verify(token: string): Promise<BridgeClaims> };

export type BridgeVerifierOptions = {
  /** Verified bridge tokens remembered until their exp; 0 turns the cache off. */
  maxEntries?: number;
  now?: () => number;
};

/** A bridge token is ~400 bytes; anything far longer is verified every time rather than kept. */
const MAX_CACHED_TOKEN_LENGTH = 4_096;

/**
 * rest's side of the bridge: the pool secret imported once as a CryptoKey, and tokens that verified kept until
 * their exp (the gateway reuses one bridge token per tenant and claims for a while, so rest sees the same string
 * many times). A hit returns the claims the full verification produced, frozen so no request can alter them
 * for the next. The secret is process configuration: rotating it restarts the process and empties the cache.
 */
export function createBridgeVerifier(secret: string, options: BridgeVerifierOptions = {}): BridgeVerifier {
  const key = importBridgeKey(secret, ["verify"]);
  const cache = new TokenCache<BridgeClaims>({
    maxEntries: options.maxEntries ?? 10_000,
    maxTokenLength: MAX_CACHED_TOKEN_LENGTH,
    now: options.now,
    // Read on every request: the LRU order is kept to the second instead of re-inserting on each read.
    reorderAfterMs: 1_000,
  });
  return {
    async verify(token) {
      const cached = cache.get(token);
      if (cached) return cached;
      const { claims, exp } = await verifyBridgeTokenWithExpiry(token, await key);
      const frozen = deepFreeze(claims);
      cache.set(token, frozen, exp * 1000);
      return frozen;
    },
  };
}
