import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { entryLogger } from "@/gateway/log";
import { createLogger, type LogLevel } from "./index";

const JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
const SECRET = "s3cr3t-value-that-must-not-leak";

function capture(level: LogLevel = "debug") {
  const lines: Array<{ line: string; level: LogLevel }> = [];
  const logger = createLogger({ service: "test", level, sink: (line, at) => lines.push({ line, level: at }) });
  return { logger, lines, text: () => lines.map(({ line }) => line).join("\n") };
}

describe("lib/log", () => {
  it("writes one JSON object per line with time, level, service, msg and the fields", () => {
    const { logger, lines } = capture();
    logger.info("request", { requestId: "r-1", status: 200 });
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]?.line ?? "") as Record<string, unknown>;
    expect(parsed).toMatchObject({ level: "info", service: "test", msg: "request", requestId: "r-1", status: 200 });
    expect(new Date(String(parsed.time)).toISOString()).toBe(parsed.time);
  });

  it("drops lines below the configured level", () => {
    const { logger, lines } = capture("warn");
    logger.info("quiet");
    logger.warn("loud");
    expect(lines.map(({ level }) => level)).toEqual(["warn"]);
  });

  it("never writes a bearer token, JWT, secret or password, whatever field or message carries it", () => {
    const { logger, text } = capture();
    logger.error(`upstream refused Bearer ${JWT}`, {
      requestId: "r-2",
      authorization: `Bearer ${JWT}`,
      headers: { Authorization: `Bearer ${JWT}`, cookie: `sb=${SECRET}`, accept: "application/json" },
      jwtSecret: SECRET,
      config: { FLUX_BRIDGE_SECRET: SECRET, databaseUrl: `postgres://flux:${SECRET}@db:5432/flux` },
      nested: [{ apiKey: SECRET }, { refresh_token: SECRET }, { password: SECRET }],
      cause: new Error(`token ${JWT} rejected for postgres://t_role:${SECRET}@127.0.0.1/x`),
      path: `/rest/v1/notes?select=*&apikey=${JWT}`,
    });
    const output = text();
    expect(output).not.toContain(JWT);
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain("eyJ");
    // What is not secret survives, so the line stays useful.
    const parsed = JSON.parse(output) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      requestId: "r-2",
      headers: { accept: "application/json" },
      path: "/rest/v1/notes?select=*&apikey=[redacted]",
    });
  });

  it("keeps the line's own keys: a field cannot overwrite level or msg", () => {
    const { logger, lines } = capture();
    logger.info("real", { level: "error", msg: "forged", service: "other" });
    expect(JSON.parse(lines[0]?.line ?? "")).toMatchObject({ level: "info", msg: "real", service: "test" });
  });

  it("redacts the gateway's entry-style calls the same way", () => {
    const { logger, text } = capture();
    entryLogger(logger)({
      level: "warn",
      msg: "rate limiter failed",
      requestId: "r-3",
      token: JWT,
      err: `Bearer ${JWT}`,
    });
    expect(text()).not.toContain(JWT);
    expect(JSON.parse(text())).toMatchObject({
      level: "warn",
      msg: "rate limiter failed",
      requestId: "r-3",
      err: "Bearer [redacted]",
    });
  });

  it("writes the lines of one turn together and loses none when the process exits right after logging", () => {
    const script = `
      import { createLogger } from ${JSON.stringify(path.join(import.meta.dirname, "index.ts"))};
      const log = createLogger({ service: "exit-test" });
      log.info("one"); log.info("two"); log.error("three");
      process.exit(0);`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(
      run.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).msg),
    ).toEqual(["one", "two"]);
    expect(JSON.parse(run.stderr.trim()).msg).toBe("three");
  });
});
