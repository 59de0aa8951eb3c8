// One forwarder prototype as its own process: FORWARDER=node-http|http-proxy-middleware|undici-pool,
// FORWARDER_PORT, UPSTREAM_URL, BRIDGE_TOKEN, SCHEMA. Started by bench/gateway/main.ts.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { FORWARDERS, isForwarderName } from "./registry";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (bench/gateway/main.ts sets it)`);
  return value;
}

const kind = required("FORWARDER");
if (!isForwarderName(kind))
  throw new Error(`FORWARDER=${kind} is unknown: expected one of ${Object.keys(FORWARDERS).join(", ")}`);
const forwarder = FORWARDERS[kind](required("UPSTREAM_URL"));
const identity = { bridgeToken: required("BRIDGE_TOKEN"), schema: required("SCHEMA"), publicScheme: "http" as const };

// Only the forwarding differs between prototypes: the request id is the one per-request cost they share.
const server = http.createServer((req, res) => forwarder.handle(req, res, { ...identity, requestId: randomUUID() }));
server.keepAliveTimeout = 65_000;
server.listen(Number(required("FORWARDER_PORT")), "127.0.0.1");
const stop = () => server.close(() => void forwarder.close().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
