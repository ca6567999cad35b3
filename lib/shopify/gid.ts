// Shopify ids of the items Synco maps: stored as the numeric part, spoken to Shopify (and shown to
// users) as gids, `gid://shopify/Product/123`.
import type { ResourceType } from "@/lib/vocabulary/sync";

export const GID_TYPE: Record<ResourceType, "Product" | "Customer" | "Order"> = {
  product: "Product",
  customer: "Customer",
  order: "Order",
};

const GID = /^gid:\/\/shopify\/(Product|Customer|Order)\/(\d{1,18})$/;
const DIGITS = /^\d{1,18}$/;

export const toShopifyGid = (type: ResourceType, id: number) => `gid://shopify/${GID_TYPE[type]}/${id}`;

/** The numeric id from digits or a gid of the right type; null for anything else. */
export function parseShopifyId(type: ResourceType, value: string | number): number | null {
  const text = String(value).trim();
  const match = GID.exec(text);
  if (match && match[1] !== GID_TYPE[type]) return null;
  const digits = match ? match[2]! : DIGITS.test(text) ? text : null;
  if (digits === null) return null;
  const id = Number(digits);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** `gid://shopify/Order/12` → { type: "order", id: 12 }; null for other types. */
export function parseItemGid(gid: string): { type: ResourceType; id: number } | null {
  const match = GID.exec(gid);
  if (!match) return null;
  const type = (Object.keys(GID_TYPE) as ResourceType[]).find((key) => GID_TYPE[key] === match[1])!;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { type, id } : null;
}
