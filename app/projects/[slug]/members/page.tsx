import { ActionForm, inputClass } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { pageQueryFrom } from "@/lib/api/pagination";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { listMembers } from "@/lib/members/list-members";
import { addMemberAction, removeMemberAction } from "../people-actions";
import { notFoundOnDenied, ProjectPageShell } from "@/components/project-page-shell";

export const dynamic = "force-dynamic";

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const page = pageQueryFrom(`http://x/?${new URLSearchParams(await searchParams)}`);
  const members = await listMembers({ ctx, slug, page }).catch(notFoundOnDenied);
  return (
    <ProjectPageShell slug={slug} email={ctx.email} title="Members">
      <DataTable
        testId="members"
        columns={["E-mail", "Role", "Added", ""]}
        empty="No members."
        rows={members.data.map((m) => ({
          key: m.email,
          cells: [
            m.email,
            <span key="r" data-testid="member-role">
              {m.role}
            </span>,
            new Date(m.addedAt).toUTCString(),
            <ActionForm
              key="x"
              action={removeMemberAction.bind(null, slug)}
              testId={`remove-${m.email}`}
              submitLabel="Remove"
            >
              <input type="hidden" name="email" value={m.email} />
            </ActionForm>,
          ],
        }))}
      />
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-base font-semibold">Add a member (owners only)</h2>
        <ActionForm action={addMemberAction.bind(null, slug)} testId="add-member" submitLabel="Add member">
          <label className="text-sm font-medium">
            E-mail
            <input name="email" type="email" required data-testid="member-email" className={inputClass} />
          </label>
          <label className="text-sm font-medium">
            Role
            <select name="role" defaultValue="developer" data-testid="member-role-select" className={inputClass}>
              <option value="owner">owner</option>
              <option value="developer">developer</option>
              <option value="viewer">viewer</option>
            </select>
          </label>
        </ActionForm>
      </section>
    </ProjectPageShell>
  );
}
