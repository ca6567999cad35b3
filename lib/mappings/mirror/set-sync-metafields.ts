// One metafieldsSet call (at most 25 metafields; Shopify applies all or none). When Shopify
// refuses particular elements (a field path `metafields.N.…`, else `elementIndex`), those are reported refused and the rest are sent
// again without them; an error about the call as a whole is thrown, so the job retries later.
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import { ShopifyUserErrors, type ShopifyUserError } from "@/lib/shopify/client/errors";
import { metafieldsSetCost, syncMetafieldInput, type MirroredMapping } from "./sync-metafield";

export const METAFIELDS_SET_LIMIT = 25;

export const METAFIELDS_SET = `#graphql
  mutation SyncMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      userErrors {
        field
        message
        code
        elementIndex
      }
    }
  }
`;

export type MetafieldsSetUserError = ShopifyUserError & { elementIndex?: number | null };
type Payload = { metafieldsSet: { userErrors: MetafieldsSetUserError[] } | null };

export type SetOutcome<R> = { written: R[]; refused: { row: R; message: string }[]; calls: number };

export async function setSyncMetafields<R extends MirroredMapping>({
  client,
  rows,
  namespace,
}: {
  client: ShopifyClient;
  rows: R[];
  namespace: string;
}): Promise<SetOutcome<R>> {
  if (rows.length > METAFIELDS_SET_LIMIT)
    throw new Error(`metafieldsSet takes at most ${METAFIELDS_SET_LIMIT} metafields`);
  const refused: SetOutcome<R>["refused"] = [];
  let remaining = rows;
  let calls = 0;
  while (remaining.length) {
    calls++;
    const { data } = await client.request<Payload>(METAFIELDS_SET, {
      variables: { metafields: remaining.map((row) => syncMetafieldInput(row, namespace)) },
      costEstimate: metafieldsSetCost(remaining),
    });
    const errors = data.metafieldsSet?.userErrors ?? [{ message: "metafieldsSet returned no payload" }];
    if (errors.length === 0) return { written: remaining, refused, calls };
    const byElement = new Map<number, string>();
    for (const error of errors) {
      const index = userErrorElement(error);
      if (index !== null && index < remaining.length) byElement.set(index, error.message);
    }
    if (byElement.size === 0 || errors.some((error) => userErrorElement(error) === null)) {
      throw new ShopifyUserErrors("metafieldsSet", errors, { shopDomain: client.shopDomain });
    }
    remaining.forEach((row, index) => {
      const message = byElement.get(index);
      if (message !== undefined) refused.push({ row, message });
    });
    remaining = remaining.filter((_row, index) => !byElement.has(index));
  }
  return { written: [], refused, calls };
}

/**
 * The index of the metafield a user error is about, or null when it is about the call. The field
 * path (`["metafields", "3", "value"]`) names the element in Shopify's answers; `elementIndex`
 * (null in every answer seen) is only a fallback.
 */
export function userErrorElement(error: MetafieldsSetUserError): number | null {
  const [list, index] = error.field ?? [];
  if (list === "metafields" && index !== undefined && /^\d+$/.test(index)) return Number(index);
  return typeof error.elementIndex === "number" ? error.elementIndex : null;
}
