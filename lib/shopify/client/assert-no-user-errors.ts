import { ShopifyUserErrors, type ShopifyUserError } from "./errors";

/**
 * Returns the mutation payload at `path` of a response's `data` (e.g. "metafieldsSet"), or throws
 * ShopifyUserErrors when its `userErrors` is not empty. A null payload counts as refused: Shopify
 * answers null for a mutation it would not run.
 */
export function assertNoUserErrors<TPayload extends { userErrors: ShopifyUserError[] }>(
  data: unknown,
  path: string,
  options: { shopDomain?: string } = {},
): TPayload {
  const payload = path
    .split(".")
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], data);
  if (payload == null)
    throw new ShopifyUserErrors(path, [{ field: null, message: "the mutation returned no payload" }], options);
  const { userErrors } = payload as TPayload;
  if (userErrors.length) throw new ShopifyUserErrors(path, userErrors, options);
  return payload as TPayload;
}
