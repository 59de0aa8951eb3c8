import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { entryForCode, guidePath, SYMPTOM_CATALOGUE } from "./index";

/** Every code literal the gateway and the data API can answer with, read from their (non-test) sources. */
function codesAnsweredBy(folder: string): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "testing" && name !== "attacks" && name !== "faults") walk(path);
      } else if (name.endsWith(".ts") && !name.includes(".test.")) {
        for (const match of readFileSync(path, "utf8").matchAll(/"(FLUX-GW-[A-Z0-9-]+|PGRST\d{3})"/g))
          codes.add(match[1] ?? "");
      }
    }
  };
  walk(join(process.cwd(), folder));
  return codes;
}

const answered = new Set([...codesAnsweredBy("gateway"), ...codesAnsweredBy("rest")]);

/** The entries of the Flux troubleshooting page (spec 000), by title, in its order. */
const DOCS_PAGE_TITLES = [
  "401 Unauthorized",
  "403 Forbidden",
  "Empty array instead of an error",
  "42501 permission denied",
  "Migration succeeded but queries fail",
  "JWT looks valid but Flux rejects it",
  "Pooled-specific misunderstandings",
  "Backup is not restore-verified",
  "Backup download fails or refuses to write",
  "When the issue is probably not Flux",
];

describe("the symptom catalogue", () => {
  it("has every entry of the Flux troubleshooting page, in its order", () => {
    expect(SYMPTOM_CATALOGUE.filter((entry) => entry.source === "flux-docs").map((entry) => entry.title)).toEqual(
      DOCS_PAGE_TITLES,
    );
  });

  it("has an entry for every code the gateway and the data API answer", () => {
    expect(answered.size).toBeGreaterThan(40);
    const missing = [...answered].filter((code) => !entryForCode(code));
    expect(missing).toEqual([]);
  });

  it("lists no gateway or PGRST code that neither process answers", () => {
    const listed = SYMPTOM_CATALOGUE.flatMap((entry) => entry.errorCodes).filter((code) =>
      /^(FLUX-GW-|PGRST)/.test(code),
    );
    expect(listed.filter((code) => !answered.has(code))).toEqual([]);
  });

  it("links each code to exactly one entry and gives each entry a unique anchor", () => {
    const codes = SYMPTOM_CATALOGUE.flatMap((entry) => entry.errorCodes);
    expect(new Set(codes).size).toBe(codes.length);
    const ids = SYMPTOM_CATALOGUE.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
  });

  it("fills every entry with causes, checks and fixes", () => {
    for (const entry of SYMPTOM_CATALOGUE) {
      expect(entry.causes.length, entry.id).toBeGreaterThan(0);
      expect(entry.checks.length, entry.id).toBeGreaterThan(0);
      expect(entry.fixes.length, entry.id).toBeGreaterThan(0);
    }
  });

  it("points a code at its entry's anchor in the dashboard guide", () => {
    expect(guidePath("FLUX-GW-AUTH-EXPIRED")).toBe("/troubleshooting#unauthorized-401");
    expect(guidePath("PGRST205")).toBe("/troubleshooting#migration-succeeded-queries-fail");
    expect(guidePath("42501")).toBe("/troubleshooting#permission-denied-42501");
  });
});
