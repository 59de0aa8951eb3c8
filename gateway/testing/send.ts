import http from "node:http";
import net from "node:net";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; json: () => unknown };

/**
 * A real request over a socket with an explicit Host header (undici's fetch forbids setting Host).
 * `headers` is a list so tests can send exactly what an attacker would.
 */
export function send(
  port: number,
  input: { host: string; path?: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: input.method ?? "GET",
        path: input.path ?? "/todos",
        headers: { ...input.headers, Host: input.host },
        agent: false,
      },
      (res) => collect(res, resolve),
    );
    req.on("error", reject);
    req.end(input.body);
  });
}

/**
 * Writes a hand-made HTTP/1.1 request, for things node's client refuses to send (two Host headers, an
 * absolute-form request line). The answer must carry Content-Length (every gateway refusal does).
 */
export function sendRaw(port: number, head: string): Promise<Answer> {
  return sendBytes(port, `${head.trim().replace(/\n/g, "\r\n")}\r\nConnection: close\r\n\r\n`);
}

/**
 * Writes exactly `bytes` (CRLFs included, body and all) and parses whatever comes back before the socket
 * closes; for smuggling and framing attacks.
 */
export function sendBytes(port: number, bytes: string, options: { timeoutMs?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(bytes));
    let text = "";
    const timer = setTimeout(
      () => socket.destroy(new Error("no answer before the socket timed out")),
      options.timeoutMs ?? 10_000,
    );
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(parseRawAnswer(text));
    });
  });
}

/** The first response in `text` (status line, headers, body up to the end of the read). */
export function parseRawAnswer(text: string): Answer {
  const split = text.indexOf("\r\n\r\n");
  const headText = split === -1 ? text : text.slice(0, split);
  const body = split === -1 ? "" : text.slice(split + 4);
  const [statusLine = "", ...lines] = headText.split("\r\n");
  const headers: http.IncomingHttpHeaders = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"] ?? body.length);
  const first = body.slice(0, length);
  return { status: Number(statusLine.split(" ")[1]), headers, body: first, json: () => JSON.parse(first) as unknown };
}

function collect(res: http.IncomingMessage, resolve: (answer: Answer) => void): void {
  let body = "";
  res.setEncoding("utf8");
  res.on("data", (chunk: string) => (body += chunk));
  res.on("end", () =>
    resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) as unknown }),
  );
}
