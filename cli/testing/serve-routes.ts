import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";

/**
 * A Next route handler with any params shape: `never` lets every handler's own params type be accepted here; the
 * params are built from the route pattern's `:names` at run time.
 */
type Handler = (req: NextRequest, context: { params: Promise<never> }) => Promise<Response>;
/** `pattern` names its params as `:name`, e.g. `/api/v1/projects/:slug/domains`. */
export type ServedRoute = { method: string; pattern: string; handler: Handler };

/** Serves real route handlers over HTTP, so the CLI talks to them exactly as it does in production. */
export function serveRoutes(routes: ServedRoute[]): Promise<http.Server> {
  const compiled = routes.map((r) => ({
    ...r,
    names: [...r.pattern.matchAll(/:(\w+)/g)].map((m) => m[1] ?? ""),
    regex: new RegExp(`^${r.pattern.replace(/:\w+/g, "([^/]+)")}$`),
  }));
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    for (const route of compiled) {
      const match = route.regex.exec(pathname);
      if (req.method !== route.method || !match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const answer = await route.handler(
        new NextRequest(new URL(req.url ?? "/", "http://localhost"), { method: req.method, headers, body }),
        {
          params: Promise.resolve(params) as Promise<never>,
        },
      );
      // Every header and the raw bytes, so binary answers (backup downloads) arrive as the CLI would get them.
      const headersOut: Record<string, string> = { "content-type": "application/json" };
      answer.headers.forEach((value, name) => (headersOut[name] = value));
      res.writeHead(answer.status, headersOut);
      res.end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Runs the real CLI (cli/bin.mjs) against `server` with `token`. */
export function runFlux(
  server: http.Server,
  args: string[],
  token: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
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

/** Handlers under `/api/v1/projects/:slug/`, keyed like "POST rename" or "GET keys" (the path after the slug). */
export function serveProjectRoutes(routes: Record<string, Handler>): Promise<http.Server> {
  return serveRoutes(
    Object.entries(routes).map(([key, handler]) => {
      const [method = "GET", rest = ""] = key.split(" ");
      return { method, pattern: `/api/v1/projects/:slug/${rest}`, handler };
    }),
  );
}
