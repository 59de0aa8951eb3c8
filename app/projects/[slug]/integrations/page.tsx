import { ActionForm, inputClass } from "@/components/action-form";
import { CopyBlock } from "@/components/copy-block";
import { ProjectPageShell, Section } from "@/components/project-page-shell";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { issuersAddCommand } from "@/lib/integrations";
import { listIssuers } from "@/lib/issuers/list-issuers";
import { toProjectResponse } from "@/lib/projects/to-project-response";
import { loadProjectOrNotFound } from "../load-project";
import { revealSecretAction } from "../keys/actions";
import { addIssuerAction, mintTestTokenAction, removeIssuerAction } from "./actions";
import { IntegrationSnippets } from "./integration-snippets";

export const dynamic = "force-dynamic";

/** How an app's auth provider gets tokens Flux accepts: Clerk, Auth.js, a trusted JWKS issuer, or a test token. */
export default async function IntegrationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const access = await loadProjectOrNotFound(ctx, slug);
  const { project } = access;
  const { serviceUrl } = toProjectResponse(project, ctx.config);
  const { data: issuers } = await listIssuers({ ctx, slug: project.slug, page: { limit: 50, offset: 0 } });
  const canMint = access.memberRole === "owner" || access.memberRole === "developer";
  const isOwner = access.memberRole === "owner";
  return (
    <ProjectPageShell email={ctx.email} slug={project.slug} name={project.name}>
      <Section title="Shared secret (HS256)" testId="shared-secret-section">
        <p className="text-sm text-slate-600">
          Your auth provider signs tokens with the project&apos;s secret; the gateway checks <code>role</code>,{" "}
          <code>sub</code> and <code>exp</code>. Service URL: <code data-testid="service-url">{serviceUrl}</code>
        </p>
        <IntegrationSnippets
          serviceUrl={serviceUrl}
          isOwner={isOwner}
          reveal={revealSecretAction.bind(null, project.slug)}
        />
      </Section>

      <Section title="Or: trust the provider's own keys (JWKS)" testId="jwks-section">
        <p className="text-sm text-slate-600">
          The provider keeps signing with its RS256 / ES256 keys; the gateway fetches them from its JWKS URL. No secret
          to share. For Clerk the issuer is your Frontend API URL (Clerk dashboard → API keys); owners run:
        </p>
        <CopyBlock title="Terminal" text={issuersAddCommand({ slug: project.slug })} testId="jwks-command" />
        {issuers.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="no-issuers">
            No trusted issuers yet.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="issuer-list">
            {issuers.map((issuer) => (
              <li
                key={issuer.issuer}
                data-testid="issuer-row"
                data-issuer={issuer.issuer}
                className="flex items-center justify-between gap-4 py-2"
              >
                <span className="font-mono text-xs">
                  {issuer.issuer} → {issuer.jwksUrl}
                  {issuer.audience ? ` (aud ${issuer.audience})` : ""}
                </span>
                {isOwner ? (
                  <ActionForm
                    action={removeIssuerAction.bind(null, project.slug)}
                    testId="remove-issuer"
                    submitLabel="Remove"
                    danger
                    confirmText={`Stop trusting ${issuer.issuer}? Its tokens are refused from the next request on.`}
                  >
                    <input type="hidden" name="issuer" value={issuer.issuer} />
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {isOwner ? (
          <ActionForm action={addIssuerAction.bind(null, project.slug)} testId="add-issuer" submitLabel="Trust issuer">
            <label className="text-sm font-medium">
              Issuer (iss)
              <input
                name="issuer"
                required
                placeholder="https://clerk.example.com"
                data-testid="issuer-input"
                className={inputClass}
              />
            </label>
            <label className="text-sm font-medium">
              JWKS URL
              <input
                name="jwksUrl"
                required
                placeholder="https://…/.well-known/jwks.json"
                data-testid="jwks-url-input"
                className={inputClass}
              />
            </label>
            <label className="text-sm font-medium">
              Audience
              <input name="audience" placeholder="optional" data-testid="audience-input" className={inputClass} />
            </label>
          </ActionForm>
        ) : null}
      </Section>

      <Section title="Mint a test token" testId="mint-section">
        <p className="text-sm text-slate-600">
          The same as <code>flux token create</code>: HS256 with the project secret, recorded in the audit log.
        </p>
        {canMint ? (
          <ActionForm action={mintTestTokenAction.bind(null, project.slug)} testId="mint-form" submitLabel="Mint token">
            <label className="text-sm font-medium">
              Role
              <input name="role" defaultValue="authenticated" data-testid="mint-role" className={inputClass} />
            </label>
            <label className="text-sm font-medium">
              Subject (sub)
              <input name="sub" placeholder="optional user id" data-testid="mint-sub" className={inputClass} />
            </label>
            <label className="text-sm font-medium">
              Expires in
              <input name="expiresIn" defaultValue="1h" data-testid="mint-expires" className={inputClass} />
            </label>
          </ActionForm>
        ) : (
          <p className="text-sm text-slate-500" data-testid="mint-not-allowed">
            Only owners and developers may mint tokens.
          </p>
        )}
      </Section>
    </ProjectPageShell>
  );
}
