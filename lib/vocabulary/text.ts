// The one text rule (docs/threat-model.md, T4): every string the product takes — JSON bodies,
// path parameters, queries, better-auth's own bodies — is refused with a 422 naming its field when
// PostgreSQL could not store it (NUL) or it is not well-formed Unicode (an unpaired surrogate).
// Names shown to other people also refuse control characters (line breaks included) and the
// bidirectional overrides that make a name read differently from what it is. Client-safe.
import { z } from "zod";

const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 and C1 controls (tab, CR and LF among them) and the bidi embeddings, overrides and isolates.
const NAME_CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Why a string cannot be taken at all, or null. */
export function textProblem(value: string): string | null {
  if (NUL.test(value)) return "must not contain a NUL character";
  if (LONE_SURROGATE.test(value)) return "must not contain an unpaired surrogate (malformed Unicode)";
  return null;
}

/** The first string inside a JSON value (keys included) that breaks the text rule, with its path. */
export function findBadText(value: unknown, path: string[] = []): { field: string; problem: string } | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? { field: path.join(".") || "body", problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = findBadText(key, [...path, "(key)"]) ?? findBadText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** A copy of a JSON value whose strings PostgreSQL can store: NUL and lone surrogates become U+FFFD. */
export function sanitizeJsonText<T>(value: T): T {
  if (typeof value === "string")
    return value.replace(new RegExp(`${NUL.source}|${LONE_SURROGATE.source}`, "g"), "\uFFFD") as T;
  if (Array.isArray(value)) return value.map(sanitizeJsonText) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [sanitizeJsonText(key), sanitizeJsonText(item)]),
    ) as T;
  return value;
}

/** A name people see (of a person, an organization, a store): trimmed, bounded, one plain line. */
export function ZDisplayName({
  label,
  min = 1,
  max,
  empty,
}: {
  label: string;
  min?: number;
  max: number;
  empty?: string;
}) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(min, empty ?? (min === 1 ? `${label} must not be empty` : `${label} must be at least ${min} characters`))
    .max(max, `${label} must be at most ${max} characters`)
    .refine((value) => !NAME_CONTROL.test(value), `${label} must be one line without control characters`)
    .refine((value) => textProblem(value) === null, `${label} must be well-formed text`);
}
