import { z } from "zod";

export const AddDomainInput = z.object({
  hostname: z.string("hostname is required, e.g. api.example.com").max(300, "hostname must be at most 253 characters"),
});
export type AddDomainInput = z.input<typeof AddDomainInput>;
