// What the index keeps of a Shopify item, read from a bulk query line or a webhook payload. Both
// must give the same row for the same item, so a webhook and a refresh never disagree.
import { parseItemGid } from "@/lib/shopify/gid";
import type { ResourceType } from "@/lib/vocabulary/sync";

export type IndexRow = {
  shopifyId: number;
  title: string;
  email: string | null;
  skus: string[];
  orderName: string | null;
  updatedAt: Date;
  /** When Shopify created the item: a clear names the orders a token without read_all_orders cannot reach. */
  createdAt: Date | null;
};

type Json = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
const time = (...values: unknown[]) => {
  for (const value of values) {
    const date = typeof value === "string" ? new Date(value) : null;
    if (date && !Number.isNaN(date.getTime())) return date;
  }
  return new Date(0);
};

const optionalTime = (value: unknown) => {
  const date = typeof value === "string" ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

/** Shopify's customer displayName: the full name, else the email. */
export const customerDisplayName = (first: unknown, last: unknown, email: unknown) =>
  [text(first), text(last)].filter(Boolean).join(" ").trim() || text(email) || "";

/** A top-level line of the type's bulk query (see bulk-queries.ts); null for other lines. */
export function rowFromBulkLine(type: ResourceType, line: Json): IndexRow | null {
  const parsed = typeof line.id === "string" ? parseItemGid(line.id) : null;
  if (!parsed || parsed.type !== type || line.__parentId !== undefined) return null;
  const base = {
    shopifyId: parsed.id,
    updatedAt: time(line.updatedAt),
    createdAt: optionalTime(line.createdAt),
    skus: [] as string[],
    email: null as string | null,
    orderName: null as string | null,
  };
  switch (type) {
    case "product":
      return { ...base, title: text(line.title) ?? "" };
    case "customer": {
      const email = text((line.defaultEmailAddress as Json | null | undefined)?.emailAddress);
      return { ...base, title: text(line.displayName) ?? email ?? "", email };
    }
    case "order":
      return { ...base, title: text(line.name) ?? "", email: text(line.email), orderName: text(line.name) };
  }
}

/** A create/update webhook payload (REST shape: numeric id, snake_case). */
export function rowFromWebhook(type: ResourceType, payload: Json): IndexRow | null {
  const id = Number(payload.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const base = {
    shopifyId: id,
    updatedAt: time(payload.updated_at, payload.created_at),
    createdAt: optionalTime(payload.created_at),
    skus: [] as string[],
    email: null as string | null,
    orderName: null as string | null,
  };
  switch (type) {
    case "product": {
      const variants = Array.isArray(payload.variants) ? (payload.variants as Json[]) : [];
      return {
        ...base,
        title: text(payload.title) ?? "",
        skus: variants.map((variant) => text(variant.sku)).filter((sku): sku is string => sku !== null),
      };
    }
    case "customer":
      return {
        ...base,
        title: customerDisplayName(payload.first_name, payload.last_name, payload.email),
        email: text(payload.email),
      };
    case "order":
      return { ...base, title: text(payload.name) ?? "", email: text(payload.email), orderName: text(payload.name) };
  }
}
