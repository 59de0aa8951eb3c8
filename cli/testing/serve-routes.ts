import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest, context: { params: Promise<{ slug: string }> }) => Promise<Response>;

/** `METHOD /api/v1/projects/:slug/<rest>` → the real route handler. */
export type Routes = Record<string, Handler>;

/**
 * Serves real /api/v1/projects/:slug/* handlers over HTTP, so the CLI talks to them exactly as it does in
 * production. Keys look like "POST rename" or "GET keys" (the path after the slug).
 */
export function serveProjectRoutes(routes: Routes): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/api\/v1\/projects\/([^/]+)\/(.+)$/.exec(req.url ?? "");
    const handler = match ? routes[`${req.method} ${match[2]}`] : undefined;
    if (!match?.[1] || !handler) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const body = req.method === "GET" ? undefined : Buffer.concat(chunks);
    const request = new NextRequest(new URL(req.url ?? "/", "http://localhost"), { method: req.method, headers, body });
    const answer = await handler(request, { params: Promise.resolve({ slug: decodeURIComponent(match[1]) }) });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(await answer.text());
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Runs `flux <args>` against `server` with `token`; never throws, returns exit code and output. */
export function runFlux(server: http.Server, args: string[], token: string): Promise<{ code: number; stdout: string; stderr: string }> {
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
