import net from "node:net";
import { Redis } from "ioredis";
import { redactUrl } from "@/lib/config";
import { fail, pass, warn, type DoctorRow } from "./types";

/** Redis is optional: without it rate limits are per gateway instance and caches are per process. */
export async function checkRedis(redisUrl: string | undefined): Promise<DoctorRow> {
  if (!redisUrl)
    return warn(
      "redis",
      "REDIS_URL is not set: rate limits are per gateway instance, the host cache is local, request ids cannot be looked up",
    );
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
    return pass("redis", `PING answered at ${redactUrl(redisUrl)}`);
  } catch (error) {
    return fail(
      "redis",
      `${redactUrl(redisUrl)} does not answer: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    redis.disconnect();
  }
}

/** Any HTTP answer from an upstream counts as ready (as the gateway's /readyz decides); its Date header gives the skew. */
export async function probeHttp(
  url: string,
): Promise<{ ok: true; date: string | null } | { ok: false; reason: string }> {
  try {
    const res = await fetch(new URL("/healthz", url), { signal: AbortSignal.timeout(3_000) });
    await res.arrayBuffer();
    return { ok: true, date: res.headers.get("date") };
  } catch (error) {
    return {
      ok: false,
      reason:
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
    };
  }
}

export async function checkUpstreams(upstreams: readonly string[]): Promise<DoctorRow[]> {
  return Promise.all(
    upstreams.map(async (url) => {
      const probe = await probeHttp(url);
      return probe.ok
        ? pass(`upstream ${url}`, "the data API answers")
        : fail(
            `upstream ${url}`,
            `the data API does not answer (${probe.reason}): start rest or fix FLUX_REST_UPSTREAMS`,
          );
    }),
  );
}

/** The port is free, or held by a Flux gateway that answers /healthz; anything else holding it is a FAIL. */
export async function checkGatewayPort(port: number, gatewayUrl: string): Promise<DoctorRow> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
  });
  if (free) return pass("gateway_port", `port ${port} is free for the gateway`);
  const probe = await probeHttp(gatewayUrl);
  return probe.ok
    ? pass("gateway_port", `port ${port} is held by a running gateway`)
    : fail("gateway_port", `port ${port} is taken by another process: free it or set FLUX_GATEWAY_PORT`);
}

/** Compares the Date headers of the running gateway and data API with this machine's clock. */
export async function checkClockSkew(
  targets: Array<{ name: string; url: string }>,
  leewaySeconds: number,
  now: () => number = Date.now,
): Promise<DoctorRow[]> {
  return Promise.all(
    targets.map(async ({ name, url }) => {
      const before = now();
      const probe = await probeHttp(url);
      if (!probe.ok || !probe.date) return warn(`clock ${name}`, `not running at ${url}; skew not measured`);
      // Date has one-second resolution: allow a second beyond the round trip.
      const skewSeconds = Math.abs(Date.parse(probe.date) - (before + now()) / 2) / 1000;
      if (skewSeconds > leewaySeconds)
        return fail(
          `clock ${name}`,
          `${name} is ${skewSeconds.toFixed(0)} s off this machine, more than the JWT leeway (${leewaySeconds} s): synchronise NTP`,
        );
      if (skewSeconds > Math.max(2, leewaySeconds / 2))
        return warn(
          `clock ${name}`,
          `${name} is ${skewSeconds.toFixed(0)} s off this machine (leeway ${leewaySeconds} s)`,
        );
      return pass(`clock ${name}`, `within ${Math.ceil(skewSeconds) + 1} s of this machine`);
    }),
  );
}
