import type { z } from "zod";
import type { ApiError } from "@/components/api/api-fetch";
import { fieldErrors } from "@/components/forms/field-errors";

// The store schemas name fields by their JSON key ("accessToken is required"); forms show them
// with the label the user sees ("Access token is required").
function humanize(message: string, field: string, label: string): string {
  const text = message.startsWith(`${field} `) ? `${label}${message.slice(field.length)}` : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The API's message about `field`, when it refused that field. */
export function apiFieldError(error: ApiError | null, field: string, label: string): string | undefined {
  return error?.field === field ? humanize(error.fieldMessage, field, label) : undefined;
}

/** The first message per field of a failed parse, in the form's words. */
export function formErrors(error: z.ZodError, labels: Record<string, string>): Record<string, string | undefined> {
  const errors = fieldErrors(error);
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      message && humanize(message, field, labels[field] ?? field),
    ]),
  );
}
