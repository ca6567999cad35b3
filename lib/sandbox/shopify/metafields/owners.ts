// The resources that can own metafields in the sandbox, and how their gids map to
// MetafieldOwnerType values and to the tables that prove they exist.
import { and, eq, gte, inArray } from "drizzle-orm";
import {
  sandboxShopifyCustomers,
  sandboxShopifyOrders,
  sandboxShopifyProducts,
  sandboxShopifyProductVariants,
} from "@/db/schema/sandbox-shopify";
import { parseGid, type GidType } from "../gid";
import type { SandboxDb } from "../sandbox-db";

export const OWNER_TYPE_BY_GID = {
  Product: "PRODUCT",
  ProductVariant: "PRODUCTVARIANT",
  Customer: "CUSTOMER",
  Order: "ORDER",
  Shop: "SHOP",
} as const satisfies Partial<Record<GidType, string>>;

export type OwnerGidType = keyof typeof OWNER_TYPE_BY_GID;
export type OwnerType = (typeof OWNER_TYPE_BY_GID)[OwnerGidType];
export type MetafieldOwner = { ownerType: OwnerType; ownerId: number };

export const GID_TYPE_BY_OWNER = Object.fromEntries(
  Object.entries(OWNER_TYPE_BY_GID).map(([gidType, ownerType]) => [ownerType, gidType]),
) as Record<OwnerType, OwnerGidType>;

export const OWNER_TYPES = Object.values(OWNER_TYPE_BY_GID) as OwnerType[];

/** The owner a gid names, or null for a malformed gid or a type that cannot own metafields here. */
export function ownerFromGid(gid: string): MetafieldOwner | null {
  const parsed = parseGid(gid);
  if (!parsed || !(parsed.type in OWNER_TYPE_BY_GID)) return null;
  return { ownerType: OWNER_TYPE_BY_GID[parsed.type as OwnerGidType], ownerId: parsed.id };
}

export const ownerKey = (owner: MetafieldOwner) => `${owner.ownerType}/${owner.ownerId}`;

const TABLES = {
  PRODUCT: sandboxShopifyProducts,
  PRODUCTVARIANT: sandboxShopifyProductVariants,
  CUSTOMER: sandboxShopifyCustomers,
  ORDER: sandboxShopifyOrders,
} as const;

/** The subset of `owners` that exist in the shop, as ownerKey strings; orders created before `ordersSince` are not seen. */
export async function findExistingOwners(
  db: SandboxDb,
  shopId: number,
  owners: MetafieldOwner[],
  ordersSince: Date | null = null,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const ownerType of new Set(owners.map((owner) => owner.ownerType))) {
    const ids = [...new Set(owners.filter((owner) => owner.ownerType === ownerType).map((owner) => owner.ownerId))];
    if (ownerType === "SHOP") {
      if (ids.includes(shopId)) found.add(ownerKey({ ownerType, ownerId: shopId }));
      continue;
    }
    const table = TABLES[ownerType];
    const rows = await db
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          eq(table.shopId, shopId),
          inArray(table.id, ids),
          ordersSince && ownerType === "ORDER" ? gte(sandboxShopifyOrders.createdAt, ordersSince) : undefined,
        ),
      );
    for (const row of rows) found.add(ownerKey({ ownerType, ownerId: row.id }));
  }
  return found;
}
