import { describe, expect, it } from "vitest";
import type { ProjectDirectory, ResolvedProject } from "../directory/types";
import { GatewayError } from "../errors";
import { stubProject, stubRequest } from "../testing/stubs";
import { requestHostname, resolveHost, unambiguousHost } from "./resolve-host";

const HOST = "api--demo-app--abc1234.localhost";

function directoryOf(projects: Record<string, ResolvedProject>): ProjectDirectory & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async resolve(hostname) {
      asked.push(hostname);
      return projects[hostname] ?? null;
    },
    evict() {},
  };
}

async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof GatewayError)) throw new Error(`expected a GatewayError, got ${String(error)}`);
  return error;
}

describe("resolve-host step", () => {
  it("resolves the project behind the Service URL host", async () => {
    const project = await stubProject();
    const req = stubRequest({ headers: [["Host", `${HOST}:8080`]] });
    await expect(resolveHost(req, directoryOf({ [HOST]: project }))).resolves.toBe(project);
  });

  it("normalises case, port and a trailing dot before looking up", async () => {
    const directory = directoryOf({ [HOST]: await stubProject() });
    await resolveHost(stubRequest({ headers: [["Host", "API--Demo-App--ABC1234.LocalHost.:8080"]] }), directory);
    expect(directory.asked).toEqual([HOST]);
  });

  it("answers an unknown host with 404 FLUX-GW-404 naming the host", async () => {
    const error = await refusal(resolveHost(stubRequest({ headers: [["Host", "nope.localhost"]] }), directoryOf({})));
    expect(error).toMatchObject({
      status: 404,
      code: "FLUX-GW-404",
      message: "No project is served at host 'nope.localhost'",
      hint: "Check the Service URL in the dashboard or `flux projects list`",
      details: null,
    });
  });

  it("refuses two Host headers (stops routing on one name while a front proxy saw another)", () => {
    const req = stubRequest({
      headers: [
        ["Host", HOST],
        ["host", "api--other-app--fff0000.localhost"],
      ],
    });
    expect(() => requestHostname(req)).toThrow(
      expect.objectContaining({ status: 400, code: "FLUX-GW-HOST-DUPLICATE" }),
    );
  });

  it("refuses an absolute-form request line whose authority differs from Host", () => {
    const req = stubRequest({ url: "http://api--other-app--fff0000.localhost/todos", headers: [["Host", HOST]] });
    expect(() => requestHostname(req)).toThrow(expect.objectContaining({ status: 400, code: "FLUX-GW-HOST-MISMATCH" }));
  });

  it("accepts an absolute-form request line naming the same host", () => {
    const req = stubRequest({ url: `http://${HOST.toUpperCase()}:8080/todos`, headers: [["Host", `${HOST}:8080`]] });
    expect(requestHostname(req)).toBe(HOST);
  });

  it("refuses a missing or malformed Host with 400", () => {
    expect(() => requestHostname(stubRequest())).toThrow(expect.objectContaining({ code: "FLUX-GW-HOST-MISSING" }));
    const bad = stubRequest({ headers: [["Host", "evil host\r\n"]] });
    expect(() => requestHostname(bad)).toThrow(expect.objectContaining({ status: 400, code: "FLUX-GW-HOST-INVALID" }));
  });

  it("answers a suspended project with 423 FLUX-GW-SUSPENDED", async () => {
    const directory = directoryOf({ [HOST]: await stubProject({ status: "suspended" }) });
    const error = await refusal(resolveHost(stubRequest({ headers: [["Host", HOST]] }), directory));
    expect(error).toMatchObject({ status: 423, code: "FLUX-GW-SUSPENDED" });
  });

  it("answers a project still provisioning with 503 and Retry-After", async () => {
    const directory = directoryOf({ [HOST]: await stubProject({ status: "provisioning" }) });
    const error = await refusal(resolveHost(stubRequest({ headers: [["Host", HOST]] }), directory));
    expect(error).toMatchObject({ status: 503, code: "FLUX-GW-PROJECT-UNAVAILABLE", headers: { "Retry-After": "5" } });
  });
});

describe("unambiguousHost (runs before ops paths)", () => {
  const code = (req: ReturnType<typeof stubRequest>) => {
    try {
      unambiguousHost(req);
      return "ok";
    } catch (error) {
      return (error as GatewayError).code;
    }
  };

  it("refuses a repeated Host even when both copies are identical", () => {
    expect(
      code(
        stubRequest({
          headers: [
            ["Host", "127.0.0.1"],
            ["host", "127.0.0.1"],
          ],
        }),
      ),
    ).toBe("FLUX-GW-HOST-DUPLICATE");
  });

  it("compares an IPv6-literal ops host with the request line as text", () => {
    expect(code(stubRequest({ url: "http://[::1]:8080/healthz", headers: [["Host", "[::1]:8080"]] }))).toBe("ok");
    expect(code(stubRequest({ url: `http://${HOST}/healthz`, headers: [["Host", "[::1]:8080"]] }))).toBe(
      "FLUX-GW-HOST-MISMATCH",
    );
  });

  it("refuses an absolute-form request line with no Host at all, and one whose userinfo hides the authority", () => {
    expect(code(stubRequest({ url: `http://${HOST}/todos` }))).toBe("FLUX-GW-HOST-MISMATCH");
    expect(code(stubRequest({ url: `http://${HOST}@evil.example/todos`, headers: [["Host", HOST]] }))).toBe(
      "FLUX-GW-HOST-MISMATCH",
    );
  });

  it("leaves a missing Host on an origin-form request to the steps that need one", () => {
    expect(code(stubRequest({ url: "/healthz" }))).toBe("ok");
  });
});
