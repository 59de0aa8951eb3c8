import { describe, expect, it } from "vitest";
import { parseCurl } from "./parse-curl";
import { parseRequestLine } from "./parse-request-line";

describe("parseCurl", () => {
  it("reads method, host, path, query and bearer token from a multi-line command with mixed quotes", () => {
    const pasted = `curl -sS -X PATCH \\
      "https://api--shop--0a1b2c3.flux.example.com/notes?id=eq.1" \\
      -H 'Authorization: Bearer abc.def.ghi' -H "Content-Type: application/json" \\
      --data '{"title":"it'"'"'s"}'`;
    expect(parseCurl(pasted)).toMatchObject({
      method: "PATCH",
      host: "api--shop--0a1b2c3.flux.example.com",
      path: "/notes",
      query: "id=eq.1",
      token: "abc.def.ghi",
      hasBody: true,
    });
  });

  it("defaults to POST with a body, HEAD with -I, and GET otherwise; a Host header wins over the URL's", () => {
    expect(parseCurl("curl localhost:8080/notes -d '{}'").method).toBe("POST");
    expect(parseCurl("curl -I http://x.test/notes").method).toBe("HEAD");
    const request = parseCurl("curl -H 'Host: api--a--1234567.localhost' http://127.0.0.1:8390/todos?select=id");
    expect(request).toMatchObject({ method: "GET", host: "api--a--1234567.localhost", path: "/todos", token: null });
  });

  it("does not take a flag's value for the URL, and understands --url and attached -X", () => {
    expect(parseCurl("curl -o /dev/null -w '%{http_code}' -XDELETE --url http://h.test/a").method).toBe("DELETE");
    expect(parseCurl("curl -o /dev/null -w '%{http_code}' -XDELETE --url http://h.test/a").path).toBe("/a");
  });

  it("refuses what is not a curl command, a command without a URL, and an unterminated quote", () => {
    expect(() => parseCurl("wget http://x")).toThrow(/start with curl/);
    expect(() => parseCurl("curl -H 'A: b'")).toThrow(/names no URL/);
    expect(() => parseCurl("curl 'http://x")).toThrow(/unterminated single quote/);
  });
});

describe("parseRequestLine", () => {
  it("reads 'METHOD /path?query' and a bare path as GET", () => {
    expect(parseRequestLine("post /notes?select=id")).toEqual({ method: "POST", path: "/notes", query: "select=id" });
    expect(parseRequestLine("/rpc/hello")).toEqual({ method: "GET", path: "/rpc/hello", query: "" });
  });

  it("names what is wrong with a bad line", () => {
    expect(() => parseRequestLine("FETCH /notes")).toThrow(/not an HTTP method/);
    expect(() => parseRequestLine("GET notes")).toThrow(/must start with \//);
  });
});
