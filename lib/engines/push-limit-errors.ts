/**
 * Why a push could not start or had to stop because of a per-tenant limit. The engine knows the limit; the
 * caller (lib/projects) adds the project's slug and maps them to 409.
 */
export class PushInProgressError extends Error {
  constructor(readonly waitedSeconds: number) {
    super(
      `Another push of this project is still running (waited ${waitedSeconds} s for it). Pushes of one project run one at a time: wait for it to finish, then push again.`,
    );
    this.name = "PushInProgressError";
  }
}

export class OwnerConnectionLimitError extends Error {
  constructor(
    readonly ownerRole: string,
    readonly connectionLimit: number,
    readonly plan: string,
  ) {
    super(
      `The project already has ${connectionLimit} connections open as its owner role ${ownerRole}, the ${plan} plan's limit (owner CONNECTION LIMIT): a restore or another client logged in as the owner is holding them. Wait for it to end (or close that client), then try again.`,
    );
    this.name = "OwnerConnectionLimitError";
  }
}
