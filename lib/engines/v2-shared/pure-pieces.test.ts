import { describe, expect, it } from "vitest";
import { derivedRolePassword } from "@/lib/secrets";
import { credentialsFor, roleDatabaseUrl } from "./credentials";
import { guardrailsFor } from "./guardrails";
import { scramVerifier, scramVerifierMatches } from "./scram-verifier";
import { lineAndColumnAt, TenantSqlError } from "./tenant-sql-error";

const tenantId = "5ecfa3ab-72d1-4c3e-9a8b-0123456789ab";

describe("guardrailsFor", () => {
  it("maps each plan to its statement_timeout and connection limit", () => {
    expect(guardrailsFor("free")).toEqual({ statementTimeout: "5s", connectionLimit: 5 });
    expect(guardrailsFor("pro")).toEqual({ statementTimeout: "15s", connectionLimit: 20 });
    expect(guardrailsFor("enterprise")).toEqual({ statementTimeout: "30s", connectionLimit: 50 });
  });
});

describe("credentials", () => {
  it("builds role URLs from the cluster URL, replacing any login and keeping host, database and options", () => {
    const url = roleDatabaseUrl(
      "postgres://postgres:secret@db.internal:6543/flux_tenants?sslmode=require",
      "t_5ecfa3ab72d1_role",
      "p@ss/w:rd",
    );
    const parsed = new URL(url);
    expect(parsed.username).toBe("t_5ecfa3ab72d1_role");
    expect(decodeURIComponent(parsed.password)).toBe("p@ss/w:rd");
    expect(`${parsed.host}${parsed.pathname}${parsed.search}`).toBe("db.internal:6543/flux_tenants?sslmode=require");
  });

  it("derives both passwords from the data-plane key and the role name", () => {
    const creds = credentialsFor(
      { tenantId, mode: "v2_shared", plan: "free", clusterDatabaseUrl: "postgres://127.0.0.1/t" },
      "key",
    );
    expect(creds).toMatchObject({
      schema: "t_5ecfa3ab72d1_api",
      role: "t_5ecfa3ab72d1_role",
      ownerRole: "t_5ecfa3ab72d1_owner",
    });
    expect(new URL(creds.apiDatabaseUrl).password).toBe(derivedRolePassword("key", "t_5ecfa3ab72d1_role"));
    expect(new URL(creds.ownerDatabaseUrl).password).toBe(derivedRolePassword("key", "t_5ecfa3ab72d1_owner"));
  });
});

describe("scramVerifier", () => {
  it("produces a verifier that accepts its password and rejects another", () => {
    const verifier = scramVerifier("right");
    expect(verifier).toMatch(/^SCRAM-SHA-256\$4096:/);
    expect(scramVerifierMatches(verifier, "right")).toBe(true);
    expect(scramVerifierMatches(verifier, "wrong")).toBe(false);
  });
});

describe("TenantSqlError", () => {
  it("turns PostgreSQL's 1-based character position into line and column (unicode-aware)", () => {
    expect(lineAndColumnAt("select 1;\nselect é from x;", 18)).toEqual({ line: 2, column: 8 });
    const error = new TenantSqlError("0002_add.sql", "select 1;\nselect nope;", {
      message: 'column "nope" does not exist',
      code: "42703",
      position: "18",
      hint: "check the name",
    });
    expect(error.message).toBe(
      'SQL file "0002_add.sql" failed at line 2, column 8: column "nope" does not exist (SQLSTATE 42703). Nothing from this file was applied.',
    );
    expect(error).toMatchObject({
      code: "42703",
      position: 18,
      line: 2,
      column: 8,
      hint: "check the name",
      detail: undefined,
    });
  });
});
