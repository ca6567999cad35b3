// Rules for accounts, shared by the server (better-auth hook) and the sign-up form.
import { z } from "zod";
import { findBadText, ZDisplayName } from "@/lib/vocabulary/text";

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

/** A person's name, shown to every co-member: one line, 100 characters at most. */
export const ZUserName = ZDisplayName({ label: "Name", max: 100, empty: "Enter your name" });

export const ZSignUpRequest = z.object({
  name: ZUserName,
  email: ZEmail,
  password: ZPassword,
});

// better-auth's own profile update: a name as at sign-up, an image address of sane length.
export const ZUpdateUserRequest = z.object({
  name: ZUserName.optional(),
  image: z.string().max(2048, "Image must be an address of at most 2048 characters").nullish(),
});

type Problem = { field: string; message: string };

/**
 * The first rule a better-auth request breaks, with its field, or null: the text rule on every
 * path (`text`, answered 422 as on every route), then the account rules of sign-up and update-user.
 */
export function accountProblem(path: string, body: unknown, query: unknown): (Problem & { text?: true }) | null {
  const bad = findBadText(body) ?? findBadText(query);
  if (bad) return { field: bad.field, message: `${bad.field} ${bad.problem}`, text: true };
  if (path === "/sign-up/email") return firstIssue(ZSignUpRequest.safeParse(body));
  if (path === "/update-user") return firstIssue(ZUpdateUserRequest.safeParse(body));
  return null;
}

function firstIssue(result: z.ZodSafeParseResult<unknown>): Problem | null {
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return { field: String(issue.path[0] ?? "body"), message: issue.message };
}
