import { z } from "zod";

/** At most this many trusted issuers per project: each one is a JWKS the gateway keeps in memory. */
export const MAX_ISSUERS_PER_PROJECT = 10;

const Printable = /^[\x21-\x7e]+$/;

export const Issuer = z
  .string("issuer is required: the exact `iss` claim of the provider's tokens, e.g. https://clerk.example.com")
  .min(1, "issuer must not be empty")
  .max(512, "issuer must be at most 512 characters")
  .regex(Printable, "issuer must be printable ASCII without spaces (the exact `iss` claim)");

export const AddIssuerInput = z.object({
  issuer: Issuer,
  jwksUrl: z
    .string("jwksUrl is required, e.g. https://clerk.example.com/.well-known/jwks.json")
    .max(2048, "jwksUrl must be at most 2048 characters"),
  audience: Issuer.describe("When set, tokens must name it in `aud`").optional(),
});
export type AddIssuerInput = z.input<typeof AddIssuerInput>;

export const RemoveIssuerInput = z.object({ issuer: Issuer });
export type RemoveIssuerInput = z.input<typeof RemoveIssuerInput>;

export const IssuerResponse = z.object({
  project: z.string(),
  issuer: z.string(),
  jwksUrl: z.string(),
  audience: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe("E-mail of the member who added it, when still known"),
});
export type IssuerResponse = z.output<typeof IssuerResponse>;
