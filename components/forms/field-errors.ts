import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string>>;

/** The first message for each field of a failed zod parse, keyed by the field's name. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}
