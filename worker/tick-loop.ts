export type TickLoop = { stop: () => Promise<void> };

/**
 * Runs `tick` at once and then every `everyMs`. A tick that finds the previous one still running is skipped;
 * a failure is reported and the next tick tries again. `stop` waits for a running tick to end.
 */
export function startTickLoop<R>(deps: {
  tick: () => Promise<R>;
  everyMs: number;
  onTick?: (report: R) => void;
  onError?: (error: unknown) => void;
}): TickLoop {
  let running: Promise<void> | undefined;
  const tick = (): Promise<void> =>
    (running ??= deps
      .tick()
      .then((report) => deps.onTick?.(report))
      .catch((error: unknown) => deps.onError?.(error))
      .finally(() => {
        running = undefined;
      }));
  void tick();
  const timer = setInterval(() => void tick(), deps.everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
