// The metafield types the sandbox knows, how their values are validated (messages as Shopify
// words them) and how `jsonValue` reads them.
const CATEGORY: Record<string, string> = {
  single_line_text_field: "TEXT",
  multi_line_text_field: "TEXT",
  json: "JSON",
  number_integer: "NUMBER",
  number_decimal: "NUMBER",
  boolean: "TRUE_FALSE",
  date: "DATE_TIME",
  date_time: "DATE_TIME",
  url: "URL",
  color: "COLOR",
};

export const isKnownMetafieldType = (type: string) => type in CATEGORY;
export const metafieldTypeCategory = (type: string) => CATEGORY[type] ?? "TEXT";

/** Shopify's message for an invalid value, or null when the value fits the type. */
export function metafieldValueError(type: string, value: string): string | null {
  switch (type) {
    case "single_line_text_field":
      if (!value.trim()) return "Value can't be blank.";
      return /[\r\n]/.test(value) ? "Value must be a single line text string." : null;
    case "multi_line_text_field":
      return value.trim() ? null : "Value can't be blank.";
    case "number_integer":
      return /^-?\d+$/.test(value.trim()) && Number.isSafeInteger(Number(value)) ? null : "Value must be an integer.";
    case "number_decimal":
      return /^-?\d+(\.\d+)?$/.test(value.trim()) ? null : "Value must be a decimal.";
    case "boolean":
      return value === "true" || value === "false" ? null : "Value must be true or false.";
    case "color":
      return /^#[0-9a-fA-F]{6}$/.test(value) ? null : "Value must be a hex color code.";
    case "date":
      return isDate(value) ? null : "Value must be in YYYY-MM-DD format.";
    case "date_time":
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : "Value must be in “YYYY-MM-DDTHH:MM:SS” format. For example: 2022-06-01T15:30:00";
    case "url":
      return /^(https?|mailto|sms|tel):/.test(value)
        ? null
        : 'Value must include one of the following URL schemes: ["http", "https", "mailto", "sms", "tel"].';
    case "json":
      try {
        JSON.parse(value);
        return null;
      } catch (err) {
        return `Value is invalid JSON: ${(err as Error).message}.`;
      }
    default:
      return null;
  }
}

/** The value as `Metafield.jsonValue` returns it: numbers, booleans and JSON parsed, the rest as strings. */
export function metafieldJsonValue(type: string, value: string): unknown {
  if (type === "number_integer") return Number(value);
  if (type === "boolean") return value === "true";
  if (type === "json") return JSON.parse(value);
  return value;
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
