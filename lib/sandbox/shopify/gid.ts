// Shopify global ids: `gid://shopify/Product/123`. The sandbox stores numeric ids and speaks gids.
export type GidType =
  | "Shop"
  | "App"
  | "AppInstallation"
  | "Product"
  | "ProductVariant"
  | "Customer"
  | "Order"
  | "LineItem"
  | "Metafield"
  | "MetafieldDefinition"
  | "BulkOperation"
  | "WebhookSubscription";

const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d{1,15})$/;

export function toGid(type: GidType, id: number): string {
  return `gid://shopify/${type}/${id}`;
}

/** The type and numeric id of a gid, or null when it is not a well-formed Shopify gid. */
export function parseGid(gid: string): { type: string; id: number } | null {
  const match = GID.exec(gid);
  return match ? { type: match[1]!, id: Number(match[2]) } : null;
}

/** The numeric id when `gid` is a gid of `type`, else null (a wrong type reads as "not found"). */
export function gidId(gid: string, type: GidType): number | null {
  const parsed = parseGid(gid);
  return parsed && parsed.type === type ? parsed.id : null;
}
