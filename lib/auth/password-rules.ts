import { z } from "zod";

// Length is what protects a password; the two character classes stop the most common
// dictionary-only choices without the frustration of symbol rules.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const ZPassword = z
  .string({ error: "Password is required" })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`)
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), "Password must contain a letter and a digit");

/** The first rule the password breaks, or null. */
export function passwordProblem(password: unknown): string | null {
  const result = ZPassword.safeParse(password);
  return result.success ? null : (result.error.issues[0]?.message ?? "Password is invalid");
}
