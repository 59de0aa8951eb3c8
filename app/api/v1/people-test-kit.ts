import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { call, unique } from "./route-test-kit";
import { POST as createProject } from "./projects/route";

/** A fresh project owned by `owner` (created through the real route), for member/env/audit route tests. */
export async function projectOwnedBy(owner: { token: string }, prefix = "ppl") {
  const slug = unique(prefix);
  const res = await call(createProject, "POST", "/api/v1/projects", {
    token: owner.token,
    body: { slug, plan: "free" },
  });
  if (res.status !== 201) throw new Error(`project create failed in test setup: ${JSON.stringify(res.body)}`);
  return { slug, tenantId: (res.body as { tenantId: string }).tenantId };
}

export async function closeAll(): Promise<void> {
  await closeServerDb();
  await closeControlPlaneRedis();
}
