import { describe, expect, it } from "vitest";
import { classifyBackupTrust, type ArtifactState, type TrustRow } from "./classify-backup-trust";
import { BACKUP_TIERS, nextActionFor, TIER_MEANING, type BackupTier } from "./tiers";

const at = new Date("2026-01-01T00:00:00Z");
const row = (over: Partial<TrustRow>): TrustRow => ({
  status: "validated",
  sizeBytes: 100,
  verifyResult: null,
  artifactMissingAt: null,
  sweptAt: null,
  ...over,
});
const present: ArtifactState = { present: true, sizeBytes: 100 };
const truncated: ArtifactState = { present: true, sizeBytes: 60 };
const absent: ArtifactState = { present: false };

describe("classifyBackupTrust", () => {
  const table: [string, TrustRow, ArtifactState, boolean, BackupTier][] = [
    ["verified, file intact", row({ verifyResult: "passed" }), present, true, "restorable"],
    ["verified, older row, file intact", row({ verifyResult: "passed" }), present, false, "restorable"],
    ["validated, never restored", row({}), present, true, "not_restore_verified"],
    ["validated, restore attempted and failed", row({ verifyResult: "failed" }), present, true, "restore_failed"],
    ["written, validator not done", row({ status: "artifact_pending" }), present, true, "artifact_pending"],
    ["validator rejected it", row({ status: "invalid" }), present, true, "pipeline_incomplete"],
    ["pg_dump failed", row({ status: "failed", sizeBytes: null }), absent, true, "pipeline_incomplete"],
    [
      "newest row never finished writing",
      row({ status: "writing", sizeBytes: null }),
      absent,
      true,
      "latest_not_complete",
    ],
    [
      "newest row still writing, partial file on disk",
      row({ status: "writing", sizeBytes: null }),
      truncated,
      true,
      "latest_not_complete",
    ],
    [
      "older row never finished writing",
      row({ status: "writing", sizeBytes: null }),
      absent,
      false,
      "pipeline_incomplete",
    ],
    ["verified, then truncated on disk", row({ verifyResult: "passed" }), truncated, true, "pipeline_incomplete"],
    ["verified, then deleted from disk", row({ verifyResult: "passed" }), absent, true, "pipeline_incomplete"],
    [
      "verified, reconcile flagged it missing",
      row({ verifyResult: "passed", artifactMissingAt: at }),
      present,
      true,
      "pipeline_incomplete",
    ],
    ["verified, retention swept it", row({ verifyResult: "passed", sweptAt: at }), absent, true, "pipeline_incomplete"],
    ["pending, truncated", row({ status: "artifact_pending" }), truncated, true, "pipeline_incomplete"],
    ["restore failed, then truncated", row({ verifyResult: "failed" }), truncated, true, "pipeline_incomplete"],
    ["no recorded size", row({ sizeBytes: null, verifyResult: "passed" }), present, true, "pipeline_incomplete"],
    [
      "invalid even though once verified",
      row({ status: "invalid", verifyResult: "passed" }),
      present,
      true,
      "pipeline_incomplete",
    ],
  ];
  it.each(table)("%s → %s", (_name, r, artifact, isLatest, expected) => {
    expect(classifyBackupTrust(r, artifact, isLatest)).toBe(expected);
  });

  it("gives every combination of inputs exactly one known tier, and `restorable` only to a verified, intact, validated row", () => {
    const statuses: TrustRow["status"][] = ["writing", "artifact_pending", "validated", "invalid", "failed"];
    const verifies: TrustRow["verifyResult"][] = [null, "passed", "failed"];
    const artifacts = [present, truncated, absent];
    const seen = new Set<BackupTier>();
    for (const status of statuses)
      for (const verifyResult of verifies)
        for (const artifact of artifacts)
          for (const missing of [null, at])
            for (const swept of [null, at])
              for (const isLatest of [true, false]) {
                const r = row({ status, verifyResult, artifactMissingAt: missing, sweptAt: swept });
                const tier = classifyBackupTrust(r, artifact, isLatest);
                expect(BACKUP_TIERS).toContain(tier);
                seen.add(tier);
                const intact = artifact === present && !missing && !swept;
                expect(tier === "restorable").toBe(status === "validated" && verifyResult === "passed" && intact);
                if (status === "writing") expect(tier).toBe(isLatest ? "latest_not_complete" : "pipeline_incomplete");
              }
    expect([...seen].sort()).toEqual([...BACKUP_TIERS].sort());
  });

  it("has a decoder meaning and a next action naming the project for every tier", () => {
    for (const tier of BACKUP_TIERS) {
      expect(TIER_MEANING[tier]).toMatch(/\w/);
      if (tier !== "restorable")
        expect(nextActionFor(tier, "bloom")).toMatch(/flux backup (create|verify) --project bloom/);
    }
    expect(nextActionFor("not_restore_verified", "bloom")).toBe("flux backup verify --project bloom --latest");
    expect(nextActionFor(null, "bloom")).toMatch(/^flux backup create --project bloom/);
  });
});
