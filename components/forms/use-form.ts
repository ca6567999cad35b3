"use client";

// The one form hook: values of text-like fields, their zod schema (the same one the route parses
// with), errors in the words of the form's labels, and the server's answer placed where it belongs
// — under the field it is about, or above the form. Polaris fields are controlled, so a field is
// three props: `<TextField label=… {...form.field("email")} />`.
import { useState } from "react";
import type { z } from "zod";

/** A failure from the server: an ApiError, or a better-auth problem; `field` when it is about one. */
export type ServerProblem = { field?: string; message: string };

type Options<F extends string, S extends z.ZodType> = {
  schema: S;
  initialValues: Record<F, string>;
  /** The fields the form shows, by label: their errors appear under them, in their words. */
  labels: Partial<Record<F, string>>;
  /** What is validated and sent (default: the values as they are), e.g. without empty optional fields. */
  toInput?: (values: Record<F, string>) => unknown;
  /** The last failed submission's answer, e.g. the mutation's error. */
  serverError?: ServerProblem | null;
};

export function useForm<F extends string, S extends z.ZodType>({
  schema,
  initialValues,
  labels,
  toInput = (values) => values,
  serverError = null,
}: Options<F, S>) {
  const [values, setValues] = useState(initialValues);
  const [clientErrors, setClientErrors] = useState<Partial<Record<string, string>>>({});
  const shown = (field: string | undefined): field is F => field !== undefined && labels[field as F] !== undefined;
  const words = (message: string, field: string | undefined) =>
    humanize(message, field, shown(field) ? labels[field]! : undefined);

  const setValue = (field: F, value: string) => setValues((current) => ({ ...current, [field]: value }));
  const errorOf = (field: F): string | undefined =>
    clientErrors[field] ??
    (serverError && serverError.field === field && shown(field)
      ? words(withoutField(serverError.message, field), field)
      : undefined);

  // Anything not about a field on screen: a refinement of the whole input, a hidden field, the server.
  const hiddenClientError = Object.entries(clientErrors).find(([field]) => !shown(field))?.[1];
  const formError =
    hiddenClientError ??
    (serverError && !shown(serverError.field) ? words(serverError.message, serverError.field) : null);

  return {
    values,
    setValue,
    /** Value, change handler and error of a field, to spread into a Polaris TextField or Select. */
    field: (name: F) => ({
      value: values[name],
      onChange: (value: string) => setValue(name, value),
      error: errorOf(name),
    }),
    errorOf,
    formError,
    /** Validates, shows what is wrong or passes the parsed input on. Give it to Polaris's Form onSubmit. */
    handleSubmit: (onValid: (input: z.output<S>) => void) => () => {
      const parsed = schema.safeParse(toInput(values));
      if (!parsed.success) return setClientErrors(firstErrors(parsed.error, words));
      setClientErrors({});
      onValid(parsed.data);
    },
    reset: (next: Record<F, string> = initialValues) => {
      setValues(next);
      setClientErrors({});
    },
  };
}

/** The first message of each field (issues without a path under "form"), in the form's words. */
function firstErrors(error: z.ZodError, words: (message: string, field: string) => string) {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= words(issue.message, field);
  }
  return errors;
}

// The API prefixes a validation message with its field ("shop: must be…").
const withoutField = (message: string, field: string) =>
  message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;

// Schemas name fields by their JSON key ("accessToken is required"); forms say them with the label
// the user sees ("Admin API access token is required"), sentence-cased.
function humanize(message: string, field: string | undefined, label: string | undefined): string {
  let text = message;
  if (field && label && (text.startsWith(`${field} `) || text.startsWith(`${field}: `)))
    text = `${label}${text.slice(field.length)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
