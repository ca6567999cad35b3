// Turns better-auth's error answers into something a person can act on, attached to the field
// it is about when there is one.

export type AuthFailure = { status: number; code?: string; message?: string };
export type AuthProblem = { field?: "name" | "email" | "password"; message: string };

export function describeAuthError(error: AuthFailure, retryAfterSeconds?: number | null): AuthProblem {
  if (error.status === 429) {
    const wait = retryAfterSeconds && retryAfterSeconds > 0 ? `${retryAfterSeconds} seconds` : "a few seconds";
    return { message: `Too many attempts. For your security, wait ${wait} and try again.` };
  }
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return { message: "Incorrect email or password. Check them and try again." };
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return { field: "email", message: "An account with this email already exists. Sign in instead." };
    case "INVALID_EMAIL":
      return { field: "email", message: error.message ?? "Enter a valid email address" };
    case "INVALID_NAME":
      return { field: "name", message: error.message ?? "Enter your name" };
    case "INVALID_PASSWORD":
    case "PASSWORD_TOO_SHORT":
    case "PASSWORD_TOO_LONG":
      return { field: "password", message: error.message ?? "Choose a stronger password" };
    default:
      return { message: error.message || "Something went wrong. Please try again." };
  }
}

/** Reads better-auth's X-Retry-After header from a failed response. */
export function retryAfterOf(response: Response): number | null {
  const value = Number(response.headers.get("x-retry-after"));
  return Number.isFinite(value) && value > 0 ? value : null;
}
