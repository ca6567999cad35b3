// The one error type services throw: a code saying what kind of failure it is, a message a person
// can act on, and the input field it is about. Services know nothing of HTTP; lib/http maps the
// code to a status (error-response.ts).

export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  /** The action needs the password again (a session signed in too long ago): 403. */
  | "reauthentication_required"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unprocessable"
  | "rate_limited"
  | "internal";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The input field the error is about, when there is one. */
  readonly field?: string;
  /** Extra, safe-to-show data (e.g. the id of the clear already running). */
  readonly details?: Record<string, unknown>;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { field?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found`);
