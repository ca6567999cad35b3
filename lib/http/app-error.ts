// The one error type services and handlers throw. `toErrorResponse` is the one place that turns
// any thrown value into an HTTP answer; unknown errors become a 500 without internals.
import { logger } from "@/lib/logger";

const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof STATUS;

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

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found`);

export type ErrorBody = {
  error: { code: AppErrorCode; message: string; field?: string; details?: Record<string, unknown> };
};

export function toErrorResponse(err: unknown, requestId?: string): Response {
  const appError =
    err instanceof AppError
      ? err
      : new AppError("internal", "Something went wrong on our side. Please try again.", { cause: err });
  if (appError.code === "internal") logger.error({ err: appError.cause ?? appError, requestId }, "unhandled error");
  const body: ErrorBody = {
    error: { code: appError.code, message: appError.message, field: appError.field, details: appError.details },
  };
  return Response.json(body, {
    status: appError.status,
    headers: requestId ? { "x-request-id": requestId } : undefined,
  });
}
