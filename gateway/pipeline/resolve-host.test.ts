import { describe, expect, it } from "vitest";
import type { ProjectDirectory, ResolvedProject } from "../directory/types";
import { GatewayError } from "../errors";
import { stubProject, stubRequest } from "../testing/stubs";
import { requestHostname, resolveHost } from "./resolve-host";

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
  const error = await promise.then(() => null, (e: unknown) => e);
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
    const req = stubRequest({ headers: [["Host", HOST], ["host", "api--other-app--fff0000.localhost"]] });
    expect(() => requestHostname(req)).toThrow(expect.objectContaining({ status: 400, code: "FLUX-GW-HOST-DUPLICATE" }));
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
