/** MetafieldsSetUserError / UserError as the payloads return them. */
export type MetafieldUserError = {
  field: string[] | null;
  message: string;
  code: string | null;
  elementIndex: number | null;
};

/**
 * `elementIndex` stays null: Shopify names the failing input element in `field`
 * (`["metafields", "2", "value"]`) and answers `elementIndex: null` for every element error
 * captured from the real API (lengths, reserved namespaces, invalid values, definition rules).
 */
export function userError(field: string[] | null, message: string, code: string | null = null): MetafieldUserError {
  return { field, message, code, elementIndex: null };
}

export const MAX_METAFIELDS_PER_CALL = 25;

export const TOO_MANY_METAFIELDS = userError(
  ["metafields"],
  `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS_PER_CALL}.`,
  "LESS_THAN_OR_EQUAL_TO",
);

export const FOREIGN_NAMESPACE_MESSAGE =
  "Access to this namespace and key on Metafields for this resource type is not allowed.";
