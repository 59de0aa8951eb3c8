import { httpProxyMiddlewareForwarder } from "./http-proxy-middleware";
import { nodeHttpForwarder } from "./node-http";
import type { ForwarderFactory } from "./types";
import { undiciPoolForwarder } from "./undici-pool";

/** The forwarders compared on the gateway's hot path (decision 0012). */
export const FORWARDERS = {
  "node-http": nodeHttpForwarder,
  "http-proxy-middleware": httpProxyMiddlewareForwarder,
  "undici-pool": undiciPoolForwarder,
} satisfies Record<string, ForwarderFactory>;

export type ForwarderName = keyof typeof FORWARDERS;

export const isForwarderName = (name: string): name is ForwarderName => Object.hasOwn(FORWARDERS, name);
