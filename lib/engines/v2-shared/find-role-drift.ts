import type pg from "pg";
import type { EngineProject } from "@/lib/engines/types";
import { derivedRolePassword } from "@/lib/secrets";
import { expectedRoleSettings } from "./repair-tenant-roles";
import { driftOf, hasDrift, readRoleStates } from "./role-drift";

/**
 * The projects whose roles differ from what Flux derives, found with one catalog read for all of them (and
 * PBKDF2 only for verifiers this process has not proven before), so a frequent sweep stays cheap.
 */
export async function findRoleDrift(
  client: pg.Client,
  projects: EngineProject[],
  dataPlaneKey: string,
): Promise<EngineProject[]> {
  const expected = new Map(projects.map((project) => [project.tenantId, expectedRoleSettings(project)]));
  const roles = [...expected.values()].flatMap((settings) => Object.keys(settings));
  const states = await readRoleStates(client, roles);
  return projects.filter((project) =>
    Object.entries(expected.get(project.tenantId) ?? {}).some(([role, settings]) => {
      const state = states.get(role);
      return state !== undefined && hasDrift(driftOf(state, derivedRolePassword(dataPlaneKey, role), settings));
    }),
  );
}
