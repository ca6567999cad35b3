// metafieldDefinitionDelete by id or by (ownerType, namespace, key). With
// deleteAllAssociatedMetafields the values of that definition go too (Shopify does this in the
// background; the sandbox does it in the same transaction). It is required for `$app` namespaces,
// whose values would otherwise be orphaned. Another app's reserved namespace reads as not found.
import { and, eq } from "drizzle-orm";
import {
  sandboxShopifyMetafieldDefinitions,
  sandboxShopifyMetafields,
  type SandboxMetafieldDefinition,
} from "@/db/schema/sandbox-shopify";
import { defaultSandboxDb, type SandboxDb } from "../sandbox-db";
import { resolveNamespace, visibleToApp } from "./app-namespace";
import { userError, type MetafieldUserError } from "./metafield-user-error";

export type DeleteMetafieldDefinitionOptions = {
  shopId: number;
  appId: number;
  id?: number | null;
  identifier?: { ownerType: string; namespace?: string | null; key: string } | null;
  deleteAllAssociatedMetafields: boolean;
  db?: SandboxDb;
};

export async function deleteMetafieldDefinition({
  shopId,
  appId,
  id,
  identifier,
  deleteAllAssociatedMetafields,
  db = defaultSandboxDb,
}: DeleteMetafieldDefinitionOptions): Promise<{
  deleted: SandboxMetafieldDefinition | null;
  deletedMetafieldCount: number;
  userErrors: Omit<MetafieldUserError, "elementIndex">[];
}> {
  const table = sandboxShopifyMetafieldDefinitions;
  const match =
    id != null
      ? eq(table.id, id)
      : identifier
        ? and(
            eq(table.ownerType, identifier.ownerType),
            eq(table.namespace, resolveNamespace(identifier.namespace, appId)),
            eq(table.key, identifier.key),
          )
        : undefined;
  return db.transaction(async (tx) => {
    const [definition] = match
      ? await tx
          .select()
          .from(table)
          .where(and(eq(table.shopId, shopId), match, visibleToApp(table.namespace, appId)))
          .for("update")
      : [];
    if (!definition) {
      return {
        deleted: null,
        deletedMetafieldCount: 0,
        userErrors: [{ ...userError([id != null ? "id" : "identifier"], "Definition not found."), code: "NOT_FOUND" }],
      };
    }
    if (definition.namespace.startsWith("app--") && !deleteAllAssociatedMetafields) {
      const message =
        "Definitions in app-reserved namespaces can only be deleted together with their metafields (deleteAllAssociatedMetafields: true).";
      return {
        deleted: null,
        deletedMetafieldCount: 0,
        userErrors: [
          { ...userError(["deleteAllAssociatedMetafields"], message), code: "RESERVED_NAMESPACE_ORPHANED_METAFIELDS" },
        ],
      };
    }
    await tx.delete(table).where(eq(table.id, definition.id));
    const removed = deleteAllAssociatedMetafields
      ? await tx
          .delete(sandboxShopifyMetafields)
          .where(
            and(
              eq(sandboxShopifyMetafields.shopId, shopId),
              eq(sandboxShopifyMetafields.ownerType, definition.ownerType),
              eq(sandboxShopifyMetafields.namespace, definition.namespace),
              eq(sandboxShopifyMetafields.key, definition.key),
            ),
          )
          .returning({ id: sandboxShopifyMetafields.id })
      : [];
    return { deleted: definition, deletedMetafieldCount: removed.length, userErrors: [] };
  });
}
