// Per-element checks of metafieldsSet, in the order Shopify applies them; each element reports
// its first problem. Messages and codes follow what the real API returns.
import { isOtherAppsNamespace } from "./app-namespace";
import { metafieldDigest } from "./metafield-digest";
import { isKnownMetafieldType, metafieldValueError } from "./metafield-types";
import { FOREIGN_NAMESPACE_MESSAGE, userError, type MetafieldUserError } from "./metafield-user-error";
import { ownerKey, type MetafieldOwner } from "./owners";

export type MetafieldsSetInput = {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
  /** Absent: no check. Null: the metafield must not exist yet. A string: it must still match. */
  compareDigest?: string | null;
};

export type PreparedElement = {
  index: number;
  input: MetafieldsSetInput;
  namespace: string;
  owner: MetafieldOwner | null;
  /** The type to store: the input's, else the definition's. */
  type: string | null;
};

export type ValidationFacts = {
  appId: number;
  existingOwners: Set<string>;
  definitionType: (element: PreparedElement) => string | undefined;
  current: (element: PreparedElement) => { type: string; value: string } | undefined;
};

const RESERVED_NAMESPACES = new Set(["shopify_standard", "protected", "shopify-l10n-fields"]);

export function validateMetafieldsSetElement(
  element: PreparedElement,
  facts: ValidationFacts,
): MetafieldUserError | null {
  const at = (...path: string[]) => ["metafields", String(element.index), ...path];
  const { namespace, input } = element;
  if (namespace.length < 3)
    return userError(at("namespace"), "Namespace is too short (minimum is 3 characters)", "TOO_SHORT");
  if (input.key.length < 2) return userError(at("key"), "Key is too short (minimum is 2 characters)", "TOO_SHORT");
  if (namespace.length > 255)
    return userError(at("namespace"), "Namespace is too long (maximum is 255 characters)", "TOO_LONG");
  if (input.key.length > 64) return userError(at("key"), "Key is too long (maximum is 64 characters)", "TOO_LONG");
  if (RESERVED_NAMESPACES.has(namespace))
    return userError(at("namespace"), `Namespace ${namespace} is a reserved namespace`);
  if (isOtherAppsNamespace(namespace, facts.appId))
    return userError(at(), FOREIGN_NAMESPACE_MESSAGE, "APP_NOT_AUTHORIZED");
  // The wording of this and the unknown-type error is not documented by Shopify: best guesses.
  if (!element.owner || !facts.existingOwners.has(ownerKey(element.owner))) {
    return userError(at("ownerId"), "Owner does not exist.", "INVALID");
  }
  const definitionType = facts.definitionType(element);
  if (!element.type) return userError(at("type"), "Type can't be blank", "BLANK");
  if (!isKnownMetafieldType(element.type))
    return userError(at("type"), `Type '${element.type}' is not a valid type.`, "INVALID_TYPE");
  if (definitionType && definitionType !== element.type) {
    return userError(at("type"), `Type must be '${definitionType}' to match the metafield definition.`, "INVALID_TYPE");
  }
  if (input.value === "") return userError(at("value"), "Value can't be blank.", "BLANK");
  const valueError = metafieldValueError(element.type, input.value);
  if (valueError) return userError(at("value"), valueError, "INVALID_VALUE");
  return digestError(element, facts, at());
}

function digestError(element: PreparedElement, facts: ValidationFacts, field: string[]): MetafieldUserError | null {
  if (element.input.compareDigest === undefined) return null;
  const current = facts.current(element);
  if (element.input.compareDigest === null) {
    return current ? stale(field) : null;
  }
  if (!current) return userError(field, "Invalid `compareDigest` value.", "INVALID_COMPARE_DIGEST");
  return metafieldDigest(current) === element.input.compareDigest ? null : stale(field);
}

const stale = (field: string[]) =>
  userError(
    field,
    "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
    "STALE_OBJECT",
  );
