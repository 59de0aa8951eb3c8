import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { projects } from "@/drizzle/schema";
import { getServerConfig } from "@/lib/api/server-config";
import { closeServerDb, getServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { DEFAULT_GRACE_SECONDS } from "@/lib/project-keys/grace";
import { decryptSecret, jwtSecretContext } from "@/lib/secrets";
import { auditRows, newProject } from "../../../project-test-kit";
import { addMember, call, errorOf, newSignedInUser } from "../../../route-test-kit";
import { GET as reveal } from "../secret/route";
import { POST as endGrace } from "./end-grace/route";
import { POST as rotate } from "./rotate/route";
import { GET as list } from "./route";

afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

type Key = {
  id: string;
  fingerprint: string;
  state: string;
  activatedAt: string;
  retiredAt: string | null;
  acceptedUntil: string | null;
  revokedAt: string | null;
};

const keysOf = async (token: string, slug: string) =>
  call(list, "GET", `/api/v1/projects/${slug}/keys`, { token, params: { slug } });
const rotateKeys = (token: string, slug: string, body: unknown = {}) =>
  call(rotate, "POST", `/api/v1/projects/${slug}/keys/rotate`, { token, params: { slug }, body });
const endKeyGrace = (token: string, slug: string) =>
  call(endGrace, "POST", `/api/v1/projects/${slug}/keys/end-grace`, { token, params: { slug } });
const showSecret = (token: string, slug: string) =>
  call(reveal, "GET", `/api/v1/projects/${slug}/secret`, { token, params: { slug } });

async function storedSecrets(tenantId: string) {
  const [row] = await getServerDb().select().from(projects).where(eq(projects.tenantId, tenantId));
  if (!row) throw new Error("project row missing");
  const open = (sealed: string | null) =>
    sealed ? decryptSecret(sealed, getServerConfig().FLUX_MASTER_KEY, jwtSecretContext(tenantId)) : null;
  return {
    current: open(row.jwtSecretEncrypted),
    previous: open(row.previousJwtSecretEncrypted),
    previousExpiresAt: row.previousJwtSecretExpiresAt,
  };
}

describe("GET /api/v1/projects/[slug]/secret", () => {
  it("shows the owner the current secret, uncached, and audits the reveal without the value", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const res = await showSecret(owner.token, project.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { secret, fingerprint } = res.body as { secret: string; fingerprint: string };
    expect(secret).toBe((await storedSecrets(project.tenantId)).current);
    const audit = await auditRows(project.tenantId, "project.jwt_key.reveal");
    expect(audit.map((row) => row.details)).toEqual([{ slug: project.slug, fingerprint }]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("never gives a secret to support, admin, developer or viewer (403), nor to a member of another project (404)", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const { current } = await storedSecrets(project.tenantId);
    const developer = await newSignedInUser();
    const viewer = await newSignedInUser();
    await addMember(project.tenantId, developer.id, "developer");
    await addMember(project.tenantId, viewer.id, "viewer");
    const other = await newSignedInUser();
    await newProject(other);
    for (const actor of [await newSignedInUser("support"), await newSignedInUser("admin"), developer, viewer]) {
      const res = await showSecret(actor.token, project.slug);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(current ?? "unreachable");
    }
    const foreign = await showSecret(other.token, project.slug);
    expect(foreign.status).toBe(404);
    expect(errorOf(foreign.body).message).toMatch(/No project/);
    expect(await auditRows(project.tenantId, "project.jwt_key.reveal")).toHaveLength(0);
  });
});

describe("POST /api/v1/projects/[slug]/keys/rotate and /end-grace, GET /keys", () => {
  it("rotates with the default grace (longest token lifetime + 15 min), keeps the old secret as previous, then ends the grace", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const before = await storedSecrets(project.tenantId);
    const initial = (await keysOf(owner.token, project.slug)).body as { data: Key[] };
    expect(initial.data.map((key) => key.state)).toEqual(["current"]);

    const started = Date.now();
    const rotated = await rotateKeys(owner.token, project.slug);
    expect(rotated.status).toBe(200);
    const result = rotated.body as { current: Key; previous: Key; graceEndsAt: string };
    expect(result.previous.id).toBe(initial.data[0]?.id);
    const graceMs = Date.parse(result.graceEndsAt) - started;
    expect(graceMs).toBeGreaterThanOrEqual(DEFAULT_GRACE_SECONDS * 1000 - 5_000);
    expect(graceMs).toBeLessThanOrEqual(DEFAULT_GRACE_SECONDS * 1000 + 5_000);
    expect(DEFAULT_GRACE_SECONDS).toBe(30 * 86_400 + 15 * 60);
    expect(rotated.text).not.toContain(before.current ?? "unreachable");

    const after = await storedSecrets(project.tenantId);
    expect(after.previous).toBe(before.current);
    expect(after.current).not.toBe(before.current);
    expect(after.previousExpiresAt?.toISOString()).toBe(result.graceEndsAt);

    const during = ((await keysOf(owner.token, project.slug)).body as { data: Key[] }).data;
    expect(during.map((key) => [key.id, key.state])).toEqual([
      [result.current.id, "current"],
      [result.previous.id, "previous"],
    ]);
    expect(during[1]?.acceptedUntil).toBe(result.graceEndsAt);

    const ended = await endKeyGrace(owner.token, project.slug);
    expect(ended.status).toBe(200);
    expect((await storedSecrets(project.tenantId)).previous).toBeNull();
    const afterEnd = ((await keysOf(owner.token, project.slug)).body as { data: Key[] }).data;
    expect(afterEnd.map((key) => key.state)).toEqual(["current", "revoked"]);
    expect(afterEnd[1]?.revokedAt).toBeTruthy();

    const [rotation] = await auditRows(project.tenantId, "project.jwt_key.rotate");
    expect(rotation?.details).toMatchObject({
      before: { currentKey: result.previous.id },
      after: { currentKey: result.current.id, graceEndsAt: result.graceEndsAt },
    });
    expect(await auditRows(project.tenantId, "project.jwt_key.end_grace")).toHaveLength(1);
    const allAudit = JSON.stringify(await auditRows(project.tenantId, "project.jwt_key.rotate"));
    expect(allAudit).not.toContain(before.current ?? "unreachable");
    expect(allAudit).not.toContain(after.current ?? "unreachable");
  });

  it("honours --grace, refuses a second rotation during a running grace (409) and ending a grace that is not running (409)", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    expect((await endKeyGrace(owner.token, project.slug)).status).toBe(409);
    const started = Date.now();
    const rotated = await rotateKeys(owner.token, project.slug, { grace: "30m" });
    expect(
      Math.abs(Date.parse((rotated.body as { graceEndsAt: string }).graceEndsAt) - started - 30 * 60_000),
    ).toBeLessThan(5_000);
    const again = await rotateKeys(owner.token, project.slug, { grace: "30m" });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).message).toMatch(/end-grace/);
    expect((await rotateKeys(owner.token, project.slug, { grace: "forever" })).status).toBe(400);
    expect((await rotateKeys(owner.token, project.slug, { grace: "91d" })).status).toBe(400);
  });

  it("with --grace 0s refuses the old secret at once: no previous secret is kept", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const rotated = await rotateKeys(owner.token, project.slug, { grace: "0s" });
    expect(rotated.status).toBe(200);
    expect((await storedSecrets(project.tenantId)).previous).toBeNull();
    const keys = ((await keysOf(owner.token, project.slug)).body as { data: Key[] }).data;
    expect(keys.map((key) => key.state)).toEqual(["current", "revoked"]);
  });

  it("does not let a viewer or developer rotate or end the grace (403); a stranger gets 404; no key changes", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const viewer = await newSignedInUser();
    const developer = await newSignedInUser();
    await addMember(project.tenantId, viewer.id, "viewer");
    await addMember(project.tenantId, developer.id, "developer");
    const before = await storedSecrets(project.tenantId);
    expect((await rotateKeys(viewer.token, project.slug)).status).toBe(403);
    expect((await rotateKeys(developer.token, project.slug)).status).toBe(403);
    expect((await rotateKeys((await newSignedInUser("support")).token, project.slug)).status).toBe(403);
    expect((await rotateKeys((await newSignedInUser()).token, project.slug)).status).toBe(404);
    expect((await endKeyGrace(viewer.token, project.slug)).status).toBe(403);
    expect(await storedSecrets(project.tenantId)).toEqual(before);
    expect(await auditRows(project.tenantId, "project.jwt_key.rotate")).toHaveLength(0);
  });

  it("lets a viewer and support read the key table — dates, states, fingerprints and nothing secret — but not a member of another project", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const viewer = await newSignedInUser();
    await addMember(project.tenantId, viewer.id, "viewer");
    const { current } = await storedSecrets(project.tenantId);
    for (const reader of [viewer, await newSignedInUser("support")]) {
      const res = await keysOf(reader.token, project.slug);
      expect(res.status).toBe(200);
      const [key] = (res.body as { data: Key[] }).data;
      expect(Object.keys(key ?? {}).sort()).toEqual([
        "acceptedUntil",
        "activatedAt",
        "fingerprint",
        "id",
        "retiredAt",
        "revokedAt",
        "state",
      ]);
      expect(res.text).not.toContain(current ?? "unreachable");
    }
    const other = await newSignedInUser();
    await newProject(other);
    expect((await keysOf(other.token, project.slug)).status).toBe(404);
  });
});

describe("POST /api/v1/projects/[slug]/keys/rotate with Idempotency-Key", () => {
  it("replays a retried rotation instead of rotating twice (which would end the grace of the secret clients still use)", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const before = await storedSecrets(project.tenantId);
    const headers = { "idempotency-key": `rotate-${project.slug}` };
    const first = await call(rotate, "POST", `/api/v1/projects/${project.slug}/keys/rotate`, {
      token: owner.token,
      params: { slug: project.slug },
      body: { grace: "30m" },
      headers,
    });
    const after = await storedSecrets(project.tenantId);
    const retry = await call(rotate, "POST", `/api/v1/projects/${project.slug}/keys/rotate`, {
      token: owner.token,
      params: { slug: project.slug },
      body: { grace: "30m" },
      headers,
    });
    expect(first.status).toBe(200);
    expect([retry.status, retry.headers.get("idempotency-replayed"), retry.body]).toEqual([200, "true", first.body]);
    expect(await storedSecrets(project.tenantId)).toEqual(after);
    expect(after.previous).toBe(before.current);
    expect(await auditRows(project.tenantId, "project.jwt_key.rotate")).toHaveLength(1);
  });
});
