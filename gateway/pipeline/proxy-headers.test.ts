import { describe, expect, it } from "vitest";
import { stubRequest } from "../testing/stubs";
import { clientResponseHeaders, upstreamRequestHeaders } from "./proxy-headers";

const identity = {
  bridgeToken: "bridge.jwt.value",
  schema: "t_0123456789ab_api",
  requestId: "rid-1",
  publicScheme: "https" as const,
};

describe("proxy header allow-list", () => {
  const req = stubRequest({
    method: "POST",
    headers: [
      ["Host", "api--demo-app--abc1234.localhost"],
      ["Authorization", "Bearer client.project.jwt"],
      ["Cookie", "session=secret"],
      ["Proxy-Authorization", "Basic abc"],
      ["Accept-Profile", "t_ffffffffffff_api"],
      ["Content-Profile", "t_ffffffffffff_api"],
      ["X-Forwarded-For", "1.2.3.4"],
      ["X-Api-Key", "k"],
      ["Accept", "application/json"],
      ["Content-Type", "application/json"],
      ["Prefer", "return=representation"],
      ["Range", "0-9"],
      ["Connection", "keep-alive"],
    ],
  });
  const headers = upstreamRequestHeaders(req, identity);

  it("replaces the client's Authorization with the bridge token", () => {
    expect(headers.authorization).toBe("Bearer bridge.jwt.value");
  });

  it("does not forward Cookie, Proxy-Authorization or unknown credential headers", () => {
    expect(headers).not.toHaveProperty("cookie");
    expect(headers).not.toHaveProperty("proxy-authorization");
    expect(headers).not.toHaveProperty("x-api-key");
    expect(headers).not.toHaveProperty("connection");
  });

  it("overwrites a client Accept-Profile / Content-Profile naming another tenant's schema", () => {
    expect(headers["accept-profile"]).toBe(identity.schema);
    expect(headers["content-profile"]).toBe(identity.schema);
  });

  it("keeps the PostgREST request headers and sets its own X-Forwarded-* and X-Request-ID", () => {
    expect(headers).toMatchObject({
      accept: "application/json",
      "content-type": "application/json",
      prefer: "return=representation",
      range: "0-9",
      "x-request-id": "rid-1",
      "x-forwarded-host": "api--demo-app--abc1234.localhost",
      "x-forwarded-proto": "https",
    });
    expect(headers["x-forwarded-for"]).not.toBe("1.2.3.4");
  });

  it("keeps a trusted proxy's X-Forwarded-For and -Proto only with FLUX_TRUST_PROXY", () => {
    const proxied = stubRequest({
      headers: [
        ["X-Forwarded-For", "203.0.113.7"],
        ["X-Forwarded-Proto", "http"],
      ],
    });
    const trusted = upstreamRequestHeaders(proxied, identity, { allowList: ["accept"], trustProxy: true });
    expect(trusted["x-forwarded-for"]).toMatch(/^203\.0\.113\.7, /);
    expect(trusted["x-forwarded-proto"]).toBe("http");
    const edge = upstreamRequestHeaders(proxied, identity, { allowList: ["accept"], trustProxy: false });
    expect(edge["x-forwarded-for"]).not.toContain("203.0.113.7");
    expect(edge["x-forwarded-proto"]).toBe("https");
  });

  it("forwards exactly the configured allow-list", () => {
    const req2 = stubRequest({
      headers: [
        ["X-Client-Info", "postgrest-js"],
        ["Prefer", "count=exact"],
      ],
    });
    const forwarded = upstreamRequestHeaders(req2, identity, { allowList: ["x-client-info"], trustProxy: false });
    expect(forwarded["x-client-info"]).toBe("postgrest-js");
    expect(forwarded).not.toHaveProperty("prefer");
  });
});

describe("response headers", () => {
  it("drops hop-by-hop headers, the upstream request id and anything echoing the bridge token", () => {
    const out = clientResponseHeaders(
      {
        "content-type": "application/json",
        "content-range": "0-9/*",
        connection: "keep-alive, x-internal",
        "x-internal": "1",
        "keep-alive": "timeout=5",
        "transfer-encoding": "chunked",
        "x-request-id": "upstream-id",
        "x-debug": `token=${identity.bridgeToken}`,
      },
      identity.bridgeToken,
    );
    expect(out).toEqual({ "content-type": "application/json", "content-range": "0-9/*" });
  });
});
