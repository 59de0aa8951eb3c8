import type pg from "pg";
import { scramVerifierMatches } from "./scram-verifier";

export type RoleState = {
  rolname: string;
  rolpassword: string | null;
  validuntil: string | null;
  /** `name=value` defaults per database; `datname` null for the role-wide ones. */
  settings: { datname: string | null; setconfig: string[] }[];
};

export type RoleDrift = { password: boolean; expiry: boolean; settings: boolean };

/** Verifiers already proven to accept the derived password: PBKDF2 runs once per verifier a process sees. */
const provenVerifiers = new Map<string, string>();

/** Password, expiry and defaults of the named roles, in one catalog read (superuser: pg_authid). */
export async function readRoleStates(client: pg.Client, roles: string[]): Promise<Map<string, RoleState>> {
  const { rows } = await client.query<Omit<RoleState, "settings"> & { settings: RoleState["settings"] | null }>(
    `select a.rolname, a.rolpassword, a.rolvaliduntil::text as validuntil,
            (select json_agg(json_build_object('datname', d.datname, 'setconfig', s.setconfig))
               from pg_catalog.pg_db_role_setting s
               left join pg_catalog.pg_database d on d.oid = s.setdatabase
              where s.setrole = a.oid) as settings
       from pg_catalog.pg_authid a
      where a.rolname = any($1::text[])`,
    [roles],
  );
  return new Map(rows.map((row) => [row.rolname, { ...row, settings: row.settings ?? [] }]));
}

/** What differs from what Flux derives for the role: its password, an expiry, or its defaults. */
export function driftOf(state: RoleState, password: string, expected: Record<string, string>): RoleDrift {
  const actual = state.settings.find((s) => s.datname === null)?.setconfig ?? [];
  const wanted = Object.entries(expected).map(([name, value]) => `${name}=${value}`);
  return {
    password: !verifierAccepts(state.rolname, state.rolpassword, password),
    expiry: state.validuntil !== null && state.validuntil !== "infinity",
    settings:
      state.settings.some((s) => s.datname !== null) || [...actual].sort().join("\n") !== [...wanted].sort().join("\n"),
  };
}

export const hasDrift = (drift: RoleDrift): boolean => drift.password || drift.expiry || drift.settings;

function verifierAccepts(role: string, verifier: string | null, password: string): boolean {
  if (!verifier) return false;
  if (provenVerifiers.get(role) === verifier) return true;
  const accepts = scramVerifierMatches(verifier, password);
  if (accepts) provenVerifiers.set(role, verifier);
  return accepts;
}
