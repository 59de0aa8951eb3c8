/** Polls a URL until it answers with any HTTP status (or `accept(status)`), or throws after the deadline. */
export async function waitForHttp(
  url: string,
  options: { timeoutMs: number; headers?: Record<string, string>; accept?: (status: number) => boolean },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = "no answer";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { headers: options.headers, signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (!options.accept || options.accept(res.status)) return;
      lastError = `status ${res.status}`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not become ready within ${options.timeoutMs / 1000}s (${lastError})`);
}
