// metafieldsDelete in calls of 250 identifiers (GraphQL's input list cap, what production tools
// send), through the cost-aware client. A shop that refuses the larger call (a user error naming
// its limit, the 2024-04 changelog's 25) gets the same identifiers again in calls of 25, and every
// later call of this deleter is 25. Deleting what is already gone answers null and is no error,
// so a batch sent twice (a resumed run) changes nothing. Other user errors are Shopify refusing
// these items: reported per item, not thrown.
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import type { ShopifyUserError } from "@/lib/shopify/client/errors";

export const METAFIELDS_DELETE_BATCH = 250;
export const METAFIELDS_DELETE_FALLBACK_BATCH = 25;

export const METAFIELDS_DELETE = `#graphql
  mutation ClearMetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields {
        ownerId
        namespace
        key
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export type MetafieldIdentifier = { ownerId: string; namespace: string; key: string };

type Payload = {
  metafieldsDelete: {
    deletedMetafields: (MetafieldIdentifier | null)[] | null;
    userErrors: ShopifyUserError[];
  } | null;
};

export type DeleteOutcome = {
  /** Metafields Shopify deleted (null answers — nothing there — are not counted). */
  deleted: number;
  /** Identifiers Shopify refused, with its message. */
  refused: { identifier: MetafieldIdentifier; message: string }[];
  calls: number;
};

const LIMIT_MESSAGE = /maximum metafields input limit of (\d+)/i;

export type MetafieldsDeleter = {
  readonly batchSize: number;
  delete(identifiers: MetafieldIdentifier[], signal?: AbortSignal): Promise<DeleteOutcome>;
};

/** One per run: once a shop refuses 250, every later call is 25. */
export function metafieldsDeleter(client: ShopifyClient, batchSize = METAFIELDS_DELETE_BATCH): MetafieldsDeleter {
  let size = batchSize;
  const send = async (identifiers: MetafieldIdentifier[], signal?: AbortSignal): Promise<DeleteOutcome> => {
    const { data } = await client.request<Payload>(METAFIELDS_DELETE, {
      variables: { metafields: identifiers },
      signal,
    });
    const payload = data.metafieldsDelete;
    const errors = payload?.userErrors ?? [{ message: "metafieldsDelete returned no payload" }];
    const limit = errors.map((error) => LIMIT_MESSAGE.exec(error.message)).find(Boolean);
    if (limit && Number(limit[1]) < identifiers.length) {
      size = Math.min(size, Math.max(1, Number(limit[1])), METAFIELDS_DELETE_FALLBACK_BATCH);
      const again = await deleteAll(identifiers, signal);
      return { ...again, calls: again.calls + 1 };
    }
    const deleted = (payload?.deletedMetafields ?? []).filter(Boolean).length;
    if (errors.length === 0) return { deleted, refused: [], calls: 1 };
    // metafieldsDelete's UserError names the element in `field` (["metafields", "3", …]) when it can.
    const byElement = new Map<number, string>();
    for (const error of errors) {
      const [list, index] = error.field ?? [];
      if (list === "metafields" && index !== undefined && /^\d+$/.test(index))
        byElement.set(Number(index), error.message);
    }
    const general = errors.find(
      (error) => !(error.field?.[0] === "metafields" && /^\d+$/.test(error.field?.[1] ?? "")),
    );
    const refused = identifiers.flatMap((identifier, index) => {
      const message = byElement.get(index) ?? general?.message;
      return message === undefined ? [] : [{ identifier, message }];
    });
    return { deleted, refused, calls: 1 };
  };
  const deleteAll = async (identifiers: MetafieldIdentifier[], signal?: AbortSignal): Promise<DeleteOutcome> => {
    const total: DeleteOutcome = { deleted: 0, refused: [], calls: 0 };
    for (let start = 0; start < identifiers.length;) {
      const current = size;
      const outcome = await send(identifiers.slice(start, start + current), signal);
      total.deleted += outcome.deleted;
      total.refused.push(...outcome.refused);
      total.calls += outcome.calls;
      start += current;
    }
    return total;
  };
  return {
    get batchSize() {
      return size;
    },
    delete: deleteAll,
  };
}
