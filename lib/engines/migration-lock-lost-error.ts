/** Another push of the project got the push lock while this one ran (a file released it); this push stopped. */
export class MigrationLockLostError extends Error {
  constructor() {
    super(
      "Another push of this project started while this one ran (a file released the push lock, e.g. with pg_advisory_unlock_all()); files before this point stay applied; push again once it ends.",
    );
    this.name = "MigrationLockLostError";
  }
}
