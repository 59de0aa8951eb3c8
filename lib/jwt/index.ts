export * from "./bridge-token";
export { createBridgeVerifier, type BridgeVerifier, type BridgeVerifierOptions } from "./bridge-verifier";
export { deepFreeze } from "./deep-freeze";
export { signProjectToken } from "./project-token";
export { TokenCache } from "./token-cache";
