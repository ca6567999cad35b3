// The one place that turns any thrown value into an HTTP answer: an AppError's code picks the
// status; anything else becomes a 500 without internals (logged with the request id).
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  reauthentication_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

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
    status: STATUS[appError.code],
    headers: { "cache-control": "no-store", ...(requestId ? { "x-request-id": requestId } : {}) },
  });
}
