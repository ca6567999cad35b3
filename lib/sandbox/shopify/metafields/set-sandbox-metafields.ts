// metafieldsSet: up to 25 values, all or nothing. Every element is validated first; if any fails,
// nothing is written and all the errors come back, as Shopify does.
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  sandboxShopifyMetafieldDefinitions,
  sandboxShopifyMetafields,
  type SandboxMetafield,
} from "@/db/schema/sandbox-shopify";
import { defaultSandboxDb, type SandboxDb } from "../sandbox-db";
import { resolveNamespace } from "./app-namespace";
import { MAX_METAFIELDS_PER_CALL, TOO_MANY_METAFIELDS, type MetafieldUserError } from "./metafield-user-error";
import { findExistingOwners, ownerFromGid, type MetafieldOwner } from "./owners";
import {
  validateMetafieldsSetElement,
  type MetafieldsSetInput,
  type PreparedElement,
} from "./validate-metafields-set-input";

export type SetSandboxMetafieldsOptions = {
  shopId: number;
  /** The calling app: `$app` namespaces resolve to its reserved namespace. */
  appId: number;
  inputs: MetafieldsSetInput[];
  /** Orders created before this do not exist for the caller (no `read_all_orders`). */
  ordersSince?: Date | null;
  db?: SandboxDb;
};

export type SetSandboxMetafieldsResult = { metafields: SandboxMetafield[]; userErrors: MetafieldUserError[] };

export async function setSandboxMetafields({
  shopId,
  appId,
  inputs,
  ordersSince = null,
  db = defaultSandboxDb,
}: SetSandboxMetafieldsOptions): Promise<SetSandboxMetafieldsResult> {
  if (inputs.length > MAX_METAFIELDS_PER_CALL) return { metafields: [], userErrors: [TOO_MANY_METAFIELDS] };
  if (inputs.length === 0) return { metafields: [], userErrors: [] };
  return db.transaction(async (tx) => {
    const elements = inputs.map((input, index) => ({
      index,
      input,
      namespace: resolveNamespace(input.namespace, appId),
      owner: ownerFromGid(input.ownerId),
      type: input.type ?? null,
    }));
    const located = elements.filter(
      (element): element is PreparedElement & { owner: MetafieldOwner } => element.owner !== null,
    );
    const existingOwners = await findExistingOwners(
      tx,
      shopId,
      located.map((element) => element.owner),
      ordersSince,
    );
    const definitions = await loadDefinitionTypes(tx, shopId, located);
    const current = await lockCurrentValues(tx, shopId, located);
    const keyOf = (element: PreparedElement) =>
      `${element.owner?.ownerType}/${element.owner?.ownerId}/${element.namespace}/${element.input.key}`;
    const definitionKey = (element: PreparedElement) =>
      `${element.owner?.ownerType}/${element.namespace}/${element.input.key}`;
    for (const element of elements) element.type ??= definitions.get(definitionKey(element)) ?? null;
    const userErrors = elements.flatMap((element) => {
      const error = validateMetafieldsSetElement(element, {
        appId,
        existingOwners,
        definitionType: (one) => definitions.get(definitionKey(one)),
        current: (one) => current.get(keyOf(one)),
      });
      return error ? [error] : [];
    });
    if (userErrors.length) return { metafields: [], userErrors };

    // One row per owner/namespace/key: when an element repeats, the last value wins.
    const rows = new Map(located.map((element) => [keyOf(element), element]));
    const written = await tx
      .insert(sandboxShopifyMetafields)
      .values(
        [...rows.values()].map((element) => ({
          shopId,
          ownerType: element.owner.ownerType,
          ownerId: element.owner.ownerId,
          namespace: element.namespace,
          key: element.input.key,
          type: element.type!,
          value: element.input.value,
        })),
      )
      .onConflictDoUpdate({
        target: [
          sandboxShopifyMetafields.shopId,
          sandboxShopifyMetafields.ownerType,
          sandboxShopifyMetafields.ownerId,
          sandboxShopifyMetafields.namespace,
          sandboxShopifyMetafields.key,
        ],
        set: { type: sql`excluded.type`, value: sql`excluded.value`, updatedAt: sql`now()` },
      })
      .returning();
    const byKey = new Map(written.map((row) => [`${row.ownerType}/${row.ownerId}/${row.namespace}/${row.key}`, row]));
    return { metafields: located.map((element) => byKey.get(keyOf(element))!), userErrors: [] };
  });
}

async function loadDefinitionTypes(
  tx: SandboxDb,
  shopId: number,
  elements: PreparedElement[],
): Promise<Map<string, string>> {
  if (elements.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(sandboxShopifyMetafieldDefinitions)
    .where(
      and(
        eq(sandboxShopifyMetafieldDefinitions.shopId, shopId),
        inArray(sandboxShopifyMetafieldDefinitions.namespace, [
          ...new Set(elements.map((element) => element.namespace)),
        ]),
      ),
    );
  return new Map(rows.map((row) => [`${row.ownerType}/${row.namespace}/${row.key}`, row.type]));
}

// Locked so a concurrent metafieldsSet cannot slip between the compareDigest check and the write.
async function lockCurrentValues(
  tx: SandboxDb,
  shopId: number,
  elements: (PreparedElement & { owner: MetafieldOwner })[],
) {
  const current = new Map<string, { type: string; value: string }>();
  if (elements.length === 0) return current;
  const tuples = sql.join(
    elements.map(
      (element) =>
        sql`(${element.owner.ownerType}, ${element.owner.ownerId}::bigint, ${element.namespace}, ${element.input.key})`,
    ),
    sql`, `,
  );
  const rows = await tx
    .select()
    .from(sandboxShopifyMetafields)
    .where(
      and(
        eq(sandboxShopifyMetafields.shopId, shopId),
        sql`(${sandboxShopifyMetafields.ownerType}, ${sandboxShopifyMetafields.ownerId}, ${sandboxShopifyMetafields.namespace}, ${sandboxShopifyMetafields.key}) in (${tuples})`,
      ),
    )
    .for("update");
  for (const row of rows) current.set(`${row.ownerType}/${row.ownerId}/${row.namespace}/${row.key}`, row);
  return current;
}
