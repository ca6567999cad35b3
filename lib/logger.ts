import pino from "pino";

// JSON logs on stdout; secrets never reach them (tokens and cookies are redacted by path), nor
// personal data: errors are logged without the parameters of a failed query (emails, payloads),
// and callers log ids and counts, never mail bodies or webhook payloads (docs/threat-model.md, T7).
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: {
    paths: [
      "*.password",
      "*.token",
      "*.accessToken",
      "*.refreshToken",
      "*.headers.cookie",
      "*.headers.authorization",
      "*.secret",
      "*.params",
      "*.payload",
      "*.text",
    ],
    censor: "[redacted]",
  },
  serializers: { err: serializeError },
  base: { service: "synco" },
});

// Drizzle's "Failed query: … params: …" and pg's "DETAIL: Key (email)=(…)" carry the data itself.
const PARAMS = /\nparams: [^\n]*/g;
const DETAIL_VALUES = /\(([^()]*)\)=\([^()]*\)/g;

function scrub(text: string | undefined): string | undefined {
  return text?.replace(PARAMS, "\nparams: [redacted]").replace(DETAIL_VALUES, "($1)=([redacted])");
}

/** An error as the log keeps it: type, message, stack, code and causes, no query parameters or row values. */
export function serializeError(err: unknown, depth = 0): Record<string, unknown> | unknown {
  if (!(err instanceof Error)) return typeof err === "object" ? "[non-error thrown]" : err;
  const { code, severity, routine } = err as Error & { code?: unknown; severity?: unknown; routine?: unknown };
  return {
    type: err.name,
    message: scrub(err.message),
    stack: scrub(err.stack),
    ...(code !== undefined ? { code } : {}),
    ...(severity !== undefined ? { severity, routine } : {}),
    ...(err.cause !== undefined && depth < 5 ? { cause: serializeError(err.cause, depth + 1) } : {}),
  };
}
