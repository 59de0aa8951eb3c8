import { quoteIdent, quoteLiteral } from "@/lib/engines/sql";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";

/** A real provisioned tenant whose API role can read one row, `notes(1, title)`: tells tenants apart through the gateway. */
export async function provisionTenantWithNote(title: string): Promise<TestTenant> {
  const tenant = await provisionTestTenant();
  await tenant.engine.importSql(tenant.project, {
    name: "notes",
    sql: `create table notes (id int primary key, title text not null);
      insert into notes values (1, ${quoteLiteral(title)});
      grant select on notes to ${quoteIdent(tenant.credentials.role)};`,
    actorUserId: null,
  });
  return tenant;
}
