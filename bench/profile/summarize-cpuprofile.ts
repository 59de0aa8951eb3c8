import { readFileSync } from "node:fs";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

/** The part of the profile to count, in milliseconds before the profile's end (the process's exit). */
export type ProfileWindow = { fromMsBeforeEnd: number; toMsBeforeEnd: number };

export type Cost = { name: string; percent: number };

const PROJECT_PREFIX = `file://${process.cwd()}/`;
const relativeToProject = (url: string) => (url.startsWith(PROJECT_PREFIX) ? url.slice(PROJECT_PREFIX.length) : url);

/** Where a frame's code lives: a package, a project folder, node's internals, or the runtime itself. */
function areaOf(url: string): string {
  if (!url) return "(runtime: GC, idle, native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return `npm:${pkg}`;
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  return relativeToProject(url);
}

/** Samples per node taken inside the window, so start-up (module loading) and shutdown are not counted. */
function countHits(profile: CpuProfile, window: ProfileWindow): Map<number, number> {
  const from = profile.endTime - window.fromMsBeforeEnd * 1000;
  const to = profile.endTime - window.toMsBeforeEnd * 1000;
  const hits = new Map<number, number>();
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    if (time >= from && time <= to) hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  return hits;
}

/**
 * Self time of a V8 .cpuprofile, grouped two ways: by function (name + file:line) and by area (package or
 * project file). Idle time is left out of the percentages so they describe the work done.
 */
export function summarizeCpuProfile(
  file: string,
  window: ProfileWindow,
  top = 15,
): { byFunction: Cost[]; byArea: Cost[] } {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const hitsInWindow = countHits(profile, window);
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = hitsInWindow.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (hits === 0 || functionName === "(idle)" || functionName === "(program)") continue;
    total += hits;
    const short = relativeToProject(url).replace(/^.*\/node_modules\//, "");
    const name = `${functionName || "(anonymous)"} ${short ? `${short}:${lineNumber + 1}` : ""}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
    const area = functionName === "(garbage collector)" ? "(garbage collector)" : areaOf(url);
    byArea.set(area, (byArea.get(area) ?? 0) + hits);
  }
  const rank = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => ({ name, percent: (hits * 100) / total }));
  return { byFunction: rank(byFunction), byArea: rank(byArea) };
}
