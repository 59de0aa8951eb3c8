import { describe, expect, it } from "vitest";
import { stubRequest } from "../testing/stubs";
import { isOpsHost } from "./ops-host";

const options = { baseDomain: "flux.example.com", extraHosts: ["gw-internal.svc"] };
const withHost = (host: string) => stubRequest({ headers: [["Host", host]] });

describe("ops hosts", () => {
  it.each(["localhost:8080", "127.0.0.1", "10.0.3.7:8080", "[::1]:8080", "flux.example.com", "GW-INTERNAL.svc"])(
    "serves ops paths on %s",
    (host) => {
      expect(isOpsHost(withHost(host), options)).toBe(true);
    },
  );

  it.each(["api--demo--0a1b2c3.flux.example.com", "shop.customer.com", "localhost.evil.com", ""])(
    "treats %s as tenant traffic",
    (host) => {
      expect(isOpsHost(withHost(host), options)).toBe(false);
    },
  );
});
