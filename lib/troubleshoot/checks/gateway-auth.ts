import type { IncomingMessage } from "node:http";
import type { ResolvedProject } from "@/gateway/directory/types";
import { GatewayError } from "@/gateway/errors";
import { verifyProjectJwt } from "@/gateway/pipeline/verify-jwt";
import { decryptSecret, jwtSecretContext } from "@/lib/secrets";
import { signedByAnotherProject, verifies } from "./foreign-signature";
import { describeToken } from "./token-facts";
import type { CheckOutcome, DiagnosisContext } from "./types";

const withBearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as unknown as IncomingMessage;

/**
 * Runs the gateway's own verifier (same algorithm list, leeway, previous-secret grace and role rules), then
 * explains a refusal: the decoded header and claims against the clock, and for a bad signature whether the
 * project's expired previous secret or another project's secret signed it (which one is never said).
 */
export async function checkGatewayAuth(ctx: DiagnosisContext, project: ResolvedProject): Promise<CheckOutcome> {
  const token = ctx.request.token;
  const slug = ctx.project.slug;
  if (!token) {
    const evidence = [
      `gateway_auth: no token given; ${project.anonymousAccess ? "the project serves requests without one as anon" : "token checks skipped"}`,
    ];
    return { evidence, claims: project.anonymousAccess ? { role: "anon" } : undefined };
  }
  const facts = describeToken(token, ctx.now(), ctx.gateway.leewaySeconds);
  try {
    const claims = await verifyProjectJwt(withBearer(token), project, {
      leewaySeconds: ctx.gateway.leewaySeconds,
      maxTokenBytes: 8 * 1024,
      now: ctx.now,
    });
    return {
      evidence: [
        ...facts,
        `gateway_auth: the token verifies with this project's secret; role '${String(claims.role)}' is allowed`,
      ],
      claims: { ...claims },
    };
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    const evidence = [...facts, `gateway_auth: ${error.message}`];
    const mint = `flux token create --project ${slug} --role ${ctx.project.allowedRoles.includes("authenticated") ? "authenticated" : (ctx.project.allowedRoles[0] ?? "authenticated")}`;
    const fix: Record<string, string[]> = {
      "FLUX-GW-AUTH-EXPIRED": ["Sign a new token (exp in the future); check the issuer's clock (NTP)", mint],
      "FLUX-GW-AUTH-NOT-YET-VALID": ["The issuer's clock is ahead of the gateway: synchronise NTP on the issuer", mint],
      "FLUX-GW-AUTH-ALG": [
        "Re-issue the token with alg HS256 and the project's JWT secret (flux secrets show --project " + slug + ")",
        mint,
      ],
      "FLUX-GW-AUTH-KID": ["Drop the kid header: project tokens are signed with the project secret only", mint],
      "FLUX-GW-ROLE-NOT-ALLOWED": [
        `Sign with one of the allowed roles: ${ctx.project.allowedRoles.join(", ")}`,
        `Or allow the role in the project settings (dashboard → Settings → allowed roles)`,
      ],
      "FLUX-GW-ROLE-FORBIDDEN": [
        `Use an application role (${ctx.project.allowedRoles.join(", ")}); the gateway picks the database role itself`,
      ],
    };
    if (error.code === "FLUX-GW-AUTH-SIGNATURE") {
      const { reason, fix: signatureFix } = await explainSignature(ctx, token);
      return { evidence: [], refusal: { code: error.code, evidence: [...evidence, reason], fix: signatureFix } };
    }
    return {
      evidence: [],
      refusal: {
        code: error.code,
        evidence,
        fix: fix[error.code] ?? [`Send Authorization: Bearer <token signed with HS256 and the project's secret>`, mint],
      },
    };
  }
}

async function explainSignature(ctx: DiagnosisContext, token: string): Promise<{ reason: string; fix: string[] }> {
  const slug = ctx.project.slug;
  const reSign = [
    `flux secrets show --project ${slug}   # then sign with this secret (HS256)`,
    `flux token create --project ${slug}`,
  ];
  const previous = ctx.project.previousJwtSecretEncrypted;
  if (previous) {
    if (await verifies(token, decryptSecret(previous, ctx.masterKey, jwtSecretContext(ctx.project.tenantId)))) {
      const until = ctx.project.previousJwtSecretExpiresAt?.toISOString() ?? "unknown";
      return {
        reason: `signature: made with this project's previous secret, accepted only until ${until}`,
        fix: reSign,
      };
    }
  }
  if (await signedByAnotherProject(ctx.db, ctx.masterKey, ctx.project.tenantId, token)) {
    return {
      reason:
        "signature: made with the secret of ANOTHER Flux project (which one is not shown); the token is valid there, not here",
      fix: [`Point the issuer's FLUX_JWT_SECRET at project '${slug}'`, ...reSign],
    };
  }
  return {
    reason: "signature: matches neither this project's current nor its previous secret, nor any other project's",
    fix: reSign,
  };
}
