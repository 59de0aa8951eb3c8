import { randomBytes } from "node:crypto";

/**
 * The DNS TXT record that proves control of a hostname: `_flux-challenge.<hostname>` with the value
 * `flux-verify=<token>`. A dedicated underscore name keeps the proof apart from the host's own records (a CNAME
 * on the host itself would forbid a TXT beside it) — the same shape as ACME's `_acme-challenge`.
 */
export const challengeRecordName = (hostname: string): string => `_flux-challenge.${hostname}`;
export const challengeRecordValue = (verificationToken: string): string => `flux-verify=${verificationToken}`;

/** 128 random bits; not a secret (it is published in DNS), only unguessable before the owner publishes it. */
export const newVerificationToken = (): string => randomBytes(16).toString("hex");
