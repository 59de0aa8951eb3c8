// A trivial upstream for the forwarder comparison: answers every request with a fixed single-row JSON body
// and rest's response headers, so the forwarders, not the data API, are what is measured. UPSTREAM_PORT.
import http from "node:http";

const body = JSON.stringify({ id: 4242, name: "item 4242", price: 42.4, created_at: "2026-01-01T00:00:00+00:00" });
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, {
      "content-type": "application/vnd.pgrst.object+json; charset=utf-8",
      "content-range": "0-0/*",
      "x-request-id": String(req.headers["x-request-id"] ?? ""),
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.UPSTREAM_PORT ?? 0), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
