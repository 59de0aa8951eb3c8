import { PassThrough } from "node:stream";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { limitedBody } from "./body-limit";

const asRequest = (stream: PassThrough) => stream as unknown as IncomingMessage;

async function drain(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe("body limit", () => {
  it("passes a body within the limit through unchanged", async () => {
    const source = new PassThrough();
    const body = limitedBody(asRequest(source), { maxBodyBytes: 10, idleTimeoutMs: 1_000 });
    source.end("0123456789");
    expect(await drain(body)).toBe("0123456789");
  });

  it("fails with 413 once a streamed body passes the limit", async () => {
    const source = new PassThrough();
    const body = limitedBody(asRequest(source), { maxBodyBytes: 10, idleTimeoutMs: 1_000 });
    source.write("0123456789");
    source.end("x");
    await expect(drain(body)).rejects.toMatchObject({ status: 413, code: "FLUX-GW-BODY-TOO-LARGE" });
  });

  it("fails with 408 when the body stalls", async () => {
    const source = new PassThrough();
    const body = limitedBody(asRequest(source), { maxBodyBytes: 10, idleTimeoutMs: 50 });
    source.write("01");
    await expect(drain(body)).rejects.toMatchObject({ status: 408, code: "FLUX-GW-BODY-TIMEOUT" });
  });
});
