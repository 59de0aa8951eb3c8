import { z } from "zod";

/** What a user may hand the assistant; at least one of request, token or requestId. */
export const DiagnoseInput = z
  .object({
    token: z.string().trim().min(1).max(8_192, "token: at most 8 KB (the gateway refuses longer ones)").optional(),
    /** `GET /notes?select=id`, a bare path, or a whole pasted curl command. */
    request: z.string().trim().min(1).max(16_384, "request: at most 16 KB").optional(),
    host: z.string().trim().min(1).max(255, "host: at most 255 characters").optional(),
    requestId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._:-]{1,128}$/, "requestId: the X-Request-ID value (letters, digits, . _ : -; at most 128)")
      .optional(),
  })
  .strict()
  .refine((input) => input.request || input.token || input.requestId, {
    message: "Give at least one of request ('GET /notes?select=id' or a curl command), token or requestId",
  });
export type DiagnoseInput = z.infer<typeof DiagnoseInput>;

/** The answer of POST /projects/{slug}/diagnose and of `flux diagnose --json`: exactly these four keys. */
export const DiagnosisResponse = z.object({
  layer: z.enum(["routing", "gateway_auth", "rate_limit", "schema", "privileges", "rls", "backup", "ok"]),
  code: z.string().nullable(),
  evidence: z.array(z.string()),
  fix: z.array(z.string()),
});
