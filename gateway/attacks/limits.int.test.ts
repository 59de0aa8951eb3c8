import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProjectToken } from "@/lib/jwt";
import { startTestGateway, type TestGateway } from "../testing/harness";
import { seedProject, type SeededProject } from "../testing/seed-project";
import { parseRawAnswer, send, sendBytes } from "../testing/send";

/** Step 1 (limits) and node's parser: oversized input, slow clients and request smuggling. */
let gw: TestGateway;
let p: SeededProject;
let auth: string;

beforeAll(async () => {
  // Headers must arrive within 1 s and a body may stall 500 ms (testing/harness.ts); bodies are capped at 1 KiB.
  gw = await startTestGateway({ env: { FLUX_BODY_LIMIT_BYTES: "1024", FLUX_GATEWAY_MAX_URL_BYTES: "1024" } });
  p = await seedProject(gw.seedDb.db, { plan: "pro" });
  auth = `Bearer ${(await signProjectToken({ secret: p.secret, role: "authenticated", expiresInSeconds: 300 })).token}`;
});
afterAll(async () => {
  await gw?.close();
});

const head = (lines: string[]) => `${lines.join("\r\n")}\r\n\r\n`;

describe("attacks on request limits", () => {
  it("stops an oversized body declared by Content-Length before reading it or forwarding anything", async () => {
    const before = gw.upstream.seen.length;
    const answer = await send(gw.port, {
      host: p.host,
      method: "POST",
      headers: { Authorization: auth, "Content-Type": "application/json" },
      body: "x".repeat(4096),
    });
    expect(answer.status).toBe(413);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-BODY-TOO-LARGE" });
    expect(gw.upstream.seen.length).toBe(before);
  });

  it("stops an oversized chunked body (no Content-Length) by counting it as it streams", async () => {
    const chunk = "y".repeat(800);
    const bytes =
      head([
        `POST /todos HTTP/1.1`,
        `Host: ${p.host}`,
        `Authorization: ${auth}`,
        "Transfer-Encoding: chunked",
        "Connection: close",
      ]) +
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(3) +
      "0\r\n\r\n";
    const answer = await sendBytes(gw.port, bytes);
    expect(answer.status).toBe(413);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-BODY-TOO-LARGE" });
  });

  it("stops an oversized URL with 414", async () => {
    const answer = await send(gw.port, {
      host: p.host,
      path: `/todos?select=${"a,".repeat(800)}`,
      headers: { Authorization: auth },
    });
    expect(answer.status).toBe(414);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-URL-TOO-LONG" });
  });

  it("stops a slowloris client: an unfinished request head is answered 408 and the socket closed", async () => {
    const started = Date.now();
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(gw.port, "127.0.0.1", () =>
        socket.write(`GET /todos HTTP/1.1\r\nHost: ${p.host}\r\n`),
      );
      let received = "";
      const drip = setInterval(() => socket.writable && socket.write("X-Drip: 1\r\n"), 200);
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (received += chunk));
      socket.on("error", reject);
      socket.on("close", () => {
        clearInterval(drip);
        resolve(received);
      });
    });
    expect(Date.now() - started).toBeLessThan(4_000);
    const answer = parseRawAnswer(text);
    expect(answer.status).toBe(408);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-REQUEST-TIMEOUT" });
  });

  it("stops a client that stalls mid-body from holding the socket and an upstream request open", async () => {
    const bytes =
      head([
        `POST /todos HTTP/1.1`,
        `Host: ${p.host}`,
        `Authorization: ${auth}`,
        "Content-Type: application/json",
        "Content-Length: 100",
      ]) + '{"title":';
    const started = Date.now();
    const answer = await sendBytes(gw.port, bytes);
    expect(answer.status).toBe(408);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-BODY-TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe("attacks on message framing (request smuggling)", () => {
  const smuggled = (framing: string[], body: string) =>
    head([`POST /todos HTTP/1.1`, `Host: ${p.host}`, `Authorization: ${auth}`, ...framing]) + body;

  it("stops Transfer-Encoding together with Content-Length (CL.TE / TE.CL desync)", async () => {
    const before = gw.upstream.seen.length;
    const answer = await sendBytes(
      gw.port,
      smuggled(
        ["Content-Length: 6", "Transfer-Encoding: chunked"],
        `0\r\n\r\nGET /admin HTTP/1.1\r\nHost: ${p.host}\r\n\r\n`,
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-BAD-REQUEST" });
    expect(gw.upstream.seen.length).toBe(before);
  });

  it("stops two differing Content-Length headers", async () => {
    const answer = await sendBytes(gw.port, smuggled(["Content-Length: 3", "Content-Length: 40"], "abc"));
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-BAD-REQUEST" });
  });

  it("stops an obs-fold (line-folded) header that could hide a second header from a front proxy", async () => {
    const answer = await sendBytes(
      gw.port,
      smuggled(["Content-Length: 2", "X-Folded: a", " Transfer-Encoding: chunked", "Connection: close"], "{}"),
    );
    expect(answer.status).toBe(400);
  });

  it("stops an obfuscated Transfer-Encoding value", async () => {
    const answer = await sendBytes(
      gw.port,
      smuggled(["Content-Length: 2", "Transfer-Encoding: xchunked", "Connection: close"], "{}"),
    );
    expect(answer.status).toBe(400);
  });
});
