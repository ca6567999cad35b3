// metafieldsDelete: up to 250 identifiers (owner, namespace, key) — GraphQL input lists are capped
// at 250, and production tools send 250 per call — or fewer on a shop set to refuse more (the
// 2024-04 changelog's 25: `metafieldsDeleteLimit`), answered with a user error naming the limit.
// Each deleted metafield comes back as its identifier; one that does not exist comes back as
// null, and the call still succeeds.
import { and, eq, sql } from "drizzle-orm";
import { sandboxShopifyMetafields } from "@/db/schema/sandbox-shopify";
import { defaultSandboxDb, type SandboxDb } from "../sandbox-db";
import { isOtherAppsNamespace, resolveNamespace } from "./app-namespace";
import { FOREIGN_NAMESPACE_MESSAGE, userError, type MetafieldUserError } from "./metafield-user-error";
import { ownerFromGid } from "./owners";

export type MetafieldIdentifierInput = { ownerId: string; namespace: string; key: string };

export type DeleteSandboxMetafieldsOptions = {
  shopId: number;
  appId: number;
  identifiers: MetafieldIdentifierInput[];
  /** The shop's limit per call (its `metafieldsDeleteLimit`). */
  limit?: number;
  db?: SandboxDb;
};

/** What a shop takes per call unless set lower. */
export const METAFIELDS_DELETE_LIMIT = 250;

export type DeleteSandboxMetafieldsResult = {
  deletedMetafields: (MetafieldIdentifierInput | null)[];
  userErrors: Omit<MetafieldUserError, "code" | "elementIndex">[];
};

export async function deleteSandboxMetafields({
  shopId,
  appId,
  identifiers,
  limit = METAFIELDS_DELETE_LIMIT,
  db = defaultSandboxDb,
}: DeleteSandboxMetafieldsOptions): Promise<DeleteSandboxMetafieldsResult> {
  // Shopify documents the limit, not its error: this reuses metafieldsSet's wording (a best guess).
  if (identifiers.length > limit) return refuse(`Exceeded the maximum metafields input limit of ${limit}.`);
  if (identifiers.length === 0) return refuse("At least one metafield identifier must be specified.");
  const wanted = identifiers.map((identifier) => ({
    ...identifier,
    namespace: resolveNamespace(identifier.namespace, appId),
    owner: ownerFromGid(identifier.ownerId),
  }));
  // Shopify rejects the whole batch before deleting anything when one names another app's namespace.
  if (wanted.some((identifier) => isOtherAppsNamespace(identifier.namespace, appId)))
    return refuse(FOREIGN_NAMESPACE_MESSAGE);

  const located = wanted.filter((identifier) => identifier.owner !== null);
  const deleted = new Set<string>();
  if (located.length) {
    const tuples = sql.join(
      located.map(
        ({ owner, namespace, key }) => sql`(${owner!.ownerType}, ${owner!.ownerId}::bigint, ${namespace}, ${key})`,
      ),
      sql`, `,
    );
    const rows = await db
      .delete(sandboxShopifyMetafields)
      .where(
        and(
          eq(sandboxShopifyMetafields.shopId, shopId),
          sql`(${sandboxShopifyMetafields.ownerType}, ${sandboxShopifyMetafields.ownerId}, ${sandboxShopifyMetafields.namespace}, ${sandboxShopifyMetafields.key}) in (${tuples})`,
        ),
      )
      .returning();
    for (const row of rows) deleted.add(`${row.ownerType}/${row.ownerId}/${row.namespace}/${row.key}`);
  }
  const seen = new Set<string>();
  return {
    deletedMetafields: wanted.map(({ owner, ownerId, namespace, key }) => {
      const id = owner && `${owner.ownerType}/${owner.ownerId}/${namespace}/${key}`;
      // A repeated identifier deletes once; its repeats find nothing left.
      if (!id || !deleted.has(id) || seen.has(id)) return null;
      seen.add(id);
      return { ownerId, namespace, key };
    }),
    userErrors: [],
  };
}

function refuse(message: string): DeleteSandboxMetafieldsResult {
  const { field } = userError(["metafields"], message);
  return { deletedMetafields: [], userErrors: [{ field, message }] };
}
