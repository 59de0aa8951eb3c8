// One linter for the whole tree (decision 0033): typescript-eslint's recommended rules, React hooks and Next.js
// rules for the dashboard, and the dependency direction as a rule: processes → lib → drizzle, never back.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Test code: spec files, test kits and harnesses, and the folders that only tests and benchmarks use. */
const TEST_CODE = [
  "**/*.test.ts",
  "**/*.test.tsx",
  "**/testing/**",
  "**/*-test-kit.ts",
  "tests/**",
  "e2e/**",
  "bench/**",
  "*.config.ts",
];
const PROCESSES = ["app", "components", "gateway", "rest", "cli", "worker"];
const TEST_FOLDERS = ["tests", "e2e", "bench"];
const others = (folder) => PROCESSES.filter((p) => p !== folder);

/** Files under `target` may not import from the `from` folders. */
const zone = (target, from, message) => ({ target: `./${target}`, from: from.map((f) => `./${f}`), message });

/** Product code: each process imports lib/ (and drizzle/'s schema where it reads data); lib/ imports drizzle/. */
const productZones = [
  zone("lib", [...PROCESSES, ...TEST_FOLDERS], "lib/ is the domain: it never imports a process folder or test code."),
  zone("drizzle", ["lib", ...PROCESSES, ...TEST_FOLDERS], "drizzle/ holds the schema and imports nothing of ours."),
  zone("gateway", [...others("gateway"), ...TEST_FOLDERS], "The gateway imports lib/ and drizzle/ only."),
  zone("rest", [...others("rest"), ...TEST_FOLDERS], "rest imports lib/ and drizzle/ only."),
  zone("worker", [...others("worker"), ...TEST_FOLDERS], "The worker imports lib/ and drizzle/ only."),
  zone("cli", [...others("cli"), ...TEST_FOLDERS], "The CLI imports lib/ and drizzle/ only."),
  zone("components", [...others("components"), "drizzle", ...TEST_FOLDERS], "components/ are UI blocks: no data."),
  zone(
    "app",
    [...others("app").filter((p) => p !== "components"), "drizzle", ...TEST_FOLDERS],
    "app/ reaches data through lib/.",
  ),
];

/**
 * Test code of a folder may also read drizzle/'s schema (to assert on rows) and use the shared kits in tests/;
 * whatever ties several processes together (a served stack, a route-serving harness) lives in tests/.
 */
const testZones = [
  zone("lib", PROCESSES, "lib/'s tests test lib/: a test that needs a process belongs to that process's folder."),
  zone("gateway", others("gateway"), "Gateway tests that need another process use a kit in tests/."),
  zone("rest", others("rest"), "rest tests that need another process use a kit in tests/."),
  zone("worker", others("worker"), "Worker tests that need another process use a kit in tests/."),
  zone("cli", others("cli"), "CLI tests serve the control plane through the harness in tests/."),
  zone(
    "app",
    others("app").filter((p) => p !== "components"),
    "Route tests use kits in tests/, not other processes.",
  ),
];

/** Frameworks stay in the transports: lib/ is plain TypeScript the gateway, rest, CLI and worker can load. */
const FRAMEWORK_IMPORTS = {
  patterns: [
    {
      group: ["next", "next/*", "next-auth", "next-auth/*"],
      message: "Next.js/NextAuth plumbing lives in app/_server.",
    },
    { group: ["react", "react-dom", "react/*"], message: "UI lives in components/ and app/." },
  ],
};

// Files that crossed a boundary before the rule existed; issue 19 moves them and empties this list. Never add to it.
const CROSSED_BEFORE_THE_RULE = [
  "app/api/v1/projects/\\[slug\\]/domains/domain-test-kit.ts",
  "cli/commands/advisors.int.test.ts",
  "cli/commands/backup.int.test.ts",
  "cli/commands/diagnose.int.test.ts",
  "cli/commands/doctor.int.test.ts",
  "cli/commands/domains.int.test.ts",
  "cli/commands/issuers.int.test.ts",
  "cli/commands/people.int.test.ts",
  "cli/commands/projects-lifecycle.int.test.ts",
  "cli/commands/projects-limits.int.test.ts",
  "cli/commands/push.int.test.ts",
  "cli/commands/secrets.int.test.ts",
  "gateway/attacks/cross-tenant.int.test.ts",
  "gateway/custom-domains.int.test.ts",
  "gateway/guide-links.int.test.ts",
  "gateway/through-rest.int.test.ts",
  "lib/advisors/advisors.int.test.ts",
  "lib/api/authenticate-request.ts",
  "lib/api/handler.ts",
  "lib/api/read-json-body.ts",
  "lib/auth/next-auth.d.ts",
  "lib/auth/options.ts",
  "lib/auth/page-context.ts",
  "lib/auth/providers.ts",
  "lib/auth/run-page-action.ts",
  "lib/auth/session-actor.ts",
  "lib/backups/backup-test-kit.ts",
  "lib/backups/backups.int.test.ts",
  "lib/backups/restore-and-gate.int.test.ts",
  "lib/doctor/config-checks.test.ts",
  "lib/doctor/config-checks.ts",
  "lib/doctor/run-doctor.int.test.ts",
  "lib/doctor/run-doctor.ts",
  "lib/integrations/snippets-through-gateway.int.test.ts",
  "lib/issuers/issuers-through-gateway.int.test.ts",
  "lib/log/create-logger.test.ts",
  "lib/project-keys/rotation-through-gateway.int.test.ts",
  "lib/projects/create-project.int.test.ts",
  "lib/projects/lifecycle-through-gateway.int.test.ts",
  "lib/projects/pick-cluster.int.test.ts",
  "lib/support/list-project-health.ts",
  "lib/support/support.int.test.ts",
  "lib/troubleshoot/checks/gateway-auth.ts",
  "lib/troubleshoot/checks/rate-limit.ts",
  "lib/troubleshoot/checks/routing.ts",
  "lib/troubleshoot/diagnose.int.test.ts",
  "lib/troubleshoot/gateway-view.ts",
  "lib/troubleshoot/testing/broken-project.ts",
  "worker/activity-flush.int.test.ts",
  "worker/backup-schedule.int.test.ts",
];

export default tseslint.config(
  {
    ignores: ["node_modules/", ".next/", ".flux/", "test-results/", "playwright-report/", "coverage/", "next-env.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })] },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: productZones }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: TEST_CODE,
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: testZones }],
      // Tests may type a third-party client's builder loosely; product code may not.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["lib/**/*.ts"],
    rules: { "no-restricted-imports": ["error", FRAMEWORK_IMPORTS] },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  ...(CROSSED_BEFORE_THE_RULE.length > 0
    ? [
        {
          files: CROSSED_BEFORE_THE_RULE,
          rules: { "import-x/no-restricted-paths": "off", "no-restricted-imports": "off" },
        },
      ]
    : []),
  prettier,
);
