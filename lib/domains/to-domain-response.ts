import { domainToUnicode } from "node:url";
import { challengeRecordName, challengeRecordValue } from "./challenge";
import type { DomainRow } from "./types";

export type DomainResponse = {
  hostname: string;
  /** The hostname as a person reads it (differs from `hostname` for internationalised names). */
  displayName: string;
  project: string;
  status: "pending" | "verified";
  verifiedAt: string | null;
  createdAt: string;
  /** The record to create before `verify`; the value is not a secret, it is meant to be published. */
  verification: { type: "TXT"; name: string; value: string };
};

/** What leaves the server for a domain. */
export function toDomainResponse(row: DomainRow, projectSlug: string): DomainResponse {
  return {
    hostname: row.hostname,
    displayName: domainToUnicode(row.hostname) || row.hostname,
    project: projectSlug,
    status: row.verifiedAt ? "verified" : "pending",
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    verification: {
      type: "TXT",
      name: challengeRecordName(row.hostname),
      value: challengeRecordValue(row.verificationToken),
    },
  };
}
