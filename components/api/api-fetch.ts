// The one way the browser calls our JSON API: same-origin, JSON in and out, and every failure
// thrown as an ApiError carrying the server's message (and the field it is about, if any).
// Answers are typed by the route's response type, defined beside its service (lib/<domain>/…):
// `apiFetch<TStoreResponse>` resolves to what that type becomes in JSON (`Json<…>`).

/** What JSON.stringify makes of a value of type T: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    options?: ErrorOptions & { details?: Record<string, unknown> },
  ) {
    super(message, options);
    this.name = "ApiError";
    this.details = options?.details;
  }

  /** What the server added about the failure (a 409's `activeRunId`, say). */
  readonly details?: Record<string, unknown>;

  /** The message without the "field: " prefix the server adds to validation errors. */
  get fieldMessage(): string {
    return this.field && this.message.startsWith(`${this.field}: `)
      ? this.message.slice(this.field.length + 2)
      : this.message;
  }
}

type ErrorBody = { error?: { code?: string; message?: string; field?: string; details?: Record<string, unknown> } };

const FALLBACK: Record<number, string> = {
  401: "Your session has ended. Sign in again.",
  429: "Too many requests. Wait a few seconds and try again.",
};

export async function apiFetch<T>(
  path: string,
  init: {
    method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
    body?: unknown;
    /** Extra request headers (an Idempotency-Key). */
    headers?: Record<string, string>;
  } = {},
): Promise<Json<T>> {
  const method = init.method ?? "GET";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        ...init.headers,
        accept: "application/json",
        ...(method === "GET" ? {} : { "content-type": "application/json" }),
      },
      body: method === "GET" ? undefined : JSON.stringify(init.body ?? {}),
    });
  } catch (err) {
    throw new ApiError(0, "network", "Could not reach Synco. Check your connection and try again.", undefined, {
      cause: err,
    });
  }
  const data = (await response.json().catch(() => null)) as (T & ErrorBody) | null;
  if (!response.ok) {
    const error = data?.error;
    const message =
      error?.message ?? FALLBACK[response.status] ?? `Request failed (${response.status}). Please try again.`;
    throw new ApiError(response.status, error?.code ?? "unknown", message, error?.field, { details: error?.details });
  }
  return data as Json<T>;
}
