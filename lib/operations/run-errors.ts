// How an execution of a run ends other than by finishing: someone cancelled it, another execution
// took it over, or the kind decided the failure is final (no point retrying).

/** Cancel was requested; thrown at the run's next checkpoint (`ctx.throwIfCancelled()`). */
export class RunCancelledError extends Error {
  constructor() {
    super("The run was cancelled");
    this.name = "RunCancelledError";
  }
}

/** This execution no longer owns the run (the guard or a retry gave it to another): it stops writing. */
export class RunLeaseLostError extends Error {
  constructor(runId: string) {
    super(`run ${runId} is owned by another execution`);
    this.name = "RunLeaseLostError";
  }
}

/** A failure retrying cannot fix: the run fails at once with this message (shown to the user). */
export class RunFailedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "RunFailedError";
  }
}
