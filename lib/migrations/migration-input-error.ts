/** Migration files that cannot be pushed as sent; nothing was run. */
export class MigrationInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationInputError";
  }
}

/**
 * The files are fine on their own but disagree with the project's history (a changed or out-of-order file);
 * nothing was run. The message names each file and both ways out.
 */
export class MigrationConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationConflictError";
  }
}
