import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** A path pattern with named groups for the route's params, and the route module (its GET/POST/… exports). */
export type RouteEntry = { pattern: RegExp; handlers: object };

/** Serves real route handlers over HTTP, so the CLI talks to them exactly as it does to `next start`. */
export function serveApiRoutes(routes: RouteEntry[]): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = routes.map((r) => ({ r, m: r.pattern.exec(url.pathname) })).find((x) => x.m);
    const exported: unknown = match ? (match.r.handlers as Record<string, unknown>)[req.method ?? "GET"] : undefined;
    const handler = typeof exported === "function" ? (exported as Handler) : undefined;
    if (!match?.m || !handler) {
      res.writeHead(404).end();
      return;
    }
    const params = Object.fromEntries(Object.entries(match.m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks);
    const answer = await handler(new NextRequest(url, { method: req.method, headers, body }), {
      params: Promise.resolve(params),
    });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(await answer.text());
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs cli/bin.mjs against `server` with `token`, in a throwaway config home. */
export function runFlux(server: http.Server, args: string[], token: string): Promise<CliRun> {
  const env = {
    ...process.env,
    FLUX_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    FLUX_TOKEN: token,
    XDG_CONFIG_HOME: mkdtempSync(path.join(os.tmpdir(), "flux-cli-")),
  };
  return new Promise((resolve) => {
    execFile("node", ["cli/bin.mjs", ...args], { env, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
