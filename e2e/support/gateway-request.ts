import http from "node:http";
import { E2E_PORTS } from "./e2e-env";

export type GatewayResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request to the gateway on 127.0.0.1 with an explicit Host header, like `curl -H "Host: …"`. */
export function gatewayRequest(options: {
  host: string;
  path: string;
  token?: string;
  method?: string;
  body?: string;
}): Promise<GatewayResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: E2E_PORTS.gateway,
        method: options.method ?? "GET",
        path: options.path,
        headers: {
          host: options.host,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body ? { "content-type": "application/json" } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}
