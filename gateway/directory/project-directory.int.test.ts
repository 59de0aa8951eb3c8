import { eq } from "drizzle-orm";
import { SignJWT, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects } from "@/drizzle/schema";
import { createDb, type DbHandle } from "@/lib/db";
import { encryptSecret, generateJwtSecret, jwtSecretContext } from "@/lib/secrets";
import { roleNameOf, schemaNameOf } from "@/lib/tenancy";
import { seedProject } from "../testing/seed-project";
import { createProjectDirectory } from "./project-directory";

let handle: DbHandle;
let clock = 0;
const masterKey = () => process.env.FLUX_MASTER_KEY ?? "";

beforeAll(() => {
  handle = createDb(process.env.DATABASE_URL ?? "", { max: 2, applicationName: "gateway-directory-test" });
});
afterAll(async () => {
  await handle?.close();
});

const directory = () =>
  createProjectDirectory({
    db: handle.db,
    masterKey: masterKey(),
    baseDomain: "localhost",
    ttlMs: 5_000,
    now: () => clock,
  });

const canVerify = async (key: CryptoKey, secret: string) => {
  const token = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(secret));
  return jwtVerify(token, key).then(
    () => true,
    () => false,
  );
};

describe("project directory", () => {
  it("resolves a Service URL host to its project with schema, role and an imported key", async () => {
    const seeded = await seedProject(handle.db);
    const project = await directory().resolve(seeded.host);
    expect(project).toMatchObject({
      tenantId: seeded.tenantId,
      schema: schemaNameOf(seeded.tenantId),
      apiRole: roleNameOf(seeded.tenantId),
      allowedRoles: ["anon", "authenticated"],
    });
    expect(project && (await canVerify(project.jwtKey, seeded.secret))).toBe(true);
    expect(project).not.toHaveProperty("jwtSecretEncrypted");
  });

  it("stops resolving the old slug after a rename once the cache entry expires (the hash alone never routes)", async () => {
    const seeded = await seedProject(handle.db);
    const dir = directory();
    expect(await dir.resolve(seeded.host)).not.toBeNull();
    await handle.db
      .update(projects)
      .set({ slug: `${seeded.slug}-new` })
      .where(eq(projects.tenantId, seeded.tenantId));
    clock += 5_001;
    expect(await dir.resolve(seeded.host)).toBeNull();
    expect((await dir.resolve(`api--${seeded.slug}-new--${seeded.hash}.localhost`))?.tenantId).toBe(seeded.tenantId);
  });

  it("serves a cached answer within the TTL and forgets it on evict", async () => {
    const seeded = await seedProject(handle.db);
    const dir = directory();
    await dir.resolve(seeded.host);
    await handle.db.update(projects).set({ status: "suspended" }).where(eq(projects.tenantId, seeded.tenantId));
    expect((await dir.resolve(seeded.host))?.status).toBe("active");
    dir.evict(seeded.host);
    expect((await dir.resolve(seeded.host))?.status).toBe("suspended");
  });

  it("picks up a rotated JWT secret: the old secret stops verifying", async () => {
    const seeded = await seedProject(handle.db);
    const dir = directory();
    await dir.resolve(seeded.host);
    const rotated = generateJwtSecret();
    await handle.db
      .update(projects)
      .set({ jwtSecretEncrypted: encryptSecret(rotated, masterKey(), jwtSecretContext(seeded.tenantId)) })
      .where(eq(projects.tenantId, seeded.tenantId));
    clock += 5_001;
    const project = await dir.resolve(seeded.host);
    if (!project) throw new Error("project vanished");
    expect(await canVerify(project.jwtKey, rotated)).toBe(true);
    expect(await canVerify(project.jwtKey, seeded.secret)).toBe(false);
  });

  it("shares one query between concurrent lookups of the same host", async () => {
    const seeded = await seedProject(handle.db);
    const dir = directory();
    const results = await Promise.all(Array.from({ length: 20 }, () => dir.resolve(seeded.host)));
    expect(new Set(results).size).toBe(1);
  });
});
