// Rules for accounts, shared by the server (better-auth hook) and the sign-up form.
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

export const ZEmail = z
  .string({ error: "Email is required" })
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

export const ZSignUpRequest = z.object({
  name: z
    .string({ error: "Name is required" })
    .trim()
    .min(1, "Enter your name")
    .max(100, "Name must be at most 100 characters"),
  email: ZEmail,
  password: ZPassword,
});

/** The first rule the sign-up body breaks, with its field, or null. */
export function signUpProblem(body: unknown): { field: string; message: string } | null {
  const result = ZSignUpRequest.safeParse(body);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return { field: String(issue.path[0] ?? "body"), message: issue.message };
}
