import { describe, expect, it } from "vitest";
import { libpqEnv, majorOfToolVersion } from "./pg-tools";

describe("pg client tools", () => {
  it("reads the major version from --version output", () => {
    expect(majorOfToolVersion("pg_dump (PostgreSQL) 15.8 (Debian 15.8-0+deb12u1)")).toBe(15);
    expect(majorOfToolVersion("pg_restore (PostgreSQL) 9.6.24")).toBe(9);
    expect(majorOfToolVersion("garbage")).toBeNull();
  });

  it("passes the password through PGPASSWORD, never on the command line", () => {
    const env = libpqEnv("postgres://u%40x:s3cr%2Ft@db.example:6543/flux?sslmode=require");
    expect(env).toMatchObject({
      PGHOST: "db.example",
      PGPORT: "6543",
      PGUSER: "u@x",
      PGPASSWORD: "s3cr/t",
      PGDATABASE: "flux",
      PGSSLMODE: "require",
    });
  });
});
