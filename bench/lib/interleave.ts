import { runWrkOnce, DEFAULT_LOAD, WARMUP_SECONDS, type WrkLoad, type WrkRequest, type WrkResult } from "./wrk";

export type Target = { label: string; request: WrkRequest };

/** Rounds per target; each round is one wrk run of BENCH_ROUND_SECONDS (default 5). */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);

/**
 * Runs the targets in turn, round after round (A B C, A B C, …), and keeps each target's median round by
 * req/s. On a shared machine the load of other work drifts; interleaving spreads that drift over every
 * target instead of penalising whichever ran during a busy minute.
 */
export async function measureInterleaved(
  targets: Target[],
  onRound: (label: string, round: number) => void = () => undefined,
  load: WrkLoad = DEFAULT_LOAD,
): Promise<Map<string, WrkResult>> {
  const results = new Map<string, WrkResult[]>(targets.map((t) => [t.label, []]));
  for (const target of targets) {
    if (WARMUP_SECONDS > 0) await runWrkOnce(target.request, { ...load, seconds: WARMUP_SECONDS });
  }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of targets) {
      onRound(target.label, round);
      results.get(target.label)?.push(await runWrkOnce(target.request, { ...load, seconds: ROUND_SECONDS }));
    }
  }
  return new Map([...results].map(([label, runs]) => [label, median(runs)]));
}

function median(runs: WrkResult[]): WrkResult {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error("no wrk round ran: BENCH_ROUNDS must be at least 1");
  return {
    ...middle,
    non2xx: sum(runs, "non2xx"),
    socketErrors: sum(runs, "socketErrors"),
    requests: sum(runs, "requests"),
  };
}

const sum = (runs: WrkResult[], key: "non2xx" | "socketErrors" | "requests") =>
  runs.reduce((total, run) => total + run[key], 0);
