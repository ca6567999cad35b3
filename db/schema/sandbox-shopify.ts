// The sandbox Shopify store (lib/sandbox/shopify): its shops, app installations, catalogue,
// customers, orders and metafields. Kept in PostgreSQL so the sandbox survives restarts, stays
// small in memory for large stores, and several app instances share one consistent store.
// Ids are numeric; the GraphQL layer turns them into Shopify global ids (gid://shopify/Type/123).
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// Shopify reports times to the second; storing them that way keeps filters and cursors exact.
const at = (name: string) => timestamp(name, { withTimezone: true, precision: 0 }).notNull().defaultNow();
const id = () => bigserial("id", { mode: "number" }).primaryKey();
const shopId = () =>
  bigint("shop_id", { mode: "number" })
    .notNull()
    .references(() => sandboxShopifyShops.id, { onDelete: "cascade" });
const money = (name: string) => numeric(name, { precision: 14, scale: 2 }).notNull().default("0");
const tags = () =>
  text("tags")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

export const SANDBOX_PLAN_NAMES = ["standard", "advanced", "plus", "enterprise"] as const;
export type SandboxPlan = (typeof SANDBOX_PLAN_NAMES)[number];

export const sandboxShopifyShops = pgTable(
  "sandbox_shopify_shops",
  {
    id: id(),
    domain: text("domain").notNull().unique(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    plan: text("plan").$type<SandboxPlan>().notNull().default("standard"),
    currencyCode: text("currency_code").notNull().default("USD"),
    // Benchmarks switch the leaky bucket off; everything else stays as strict as Shopify.
    throttleEnabled: boolean("throttle_enabled").notNull().default(true),
    // Null means the default: 20 × the plan's restore rate, as real stores report.
    bucketSize: integer("bucket_size"),
    // How many identifiers one metafieldsDelete call takes (250, Shopify's input list cap; some
    // shops refuse more than 25, the figure of the 2024-04 changelog).
    metafieldsDeleteLimit: integer("metafields_delete_limit").notNull().default(250),
    nextOrderNumber: integer("next_order_number").notNull().default(1001),
    createdAt: at("created_at"),
    updatedAt: at("updated_at"),
  },
  // A shop on a plan the sandbox does not know would answer every request with a 500.
  (t) => [
    check(
      "sandbox_shopify_shops_plan_check",
      sql`${t.plan} in (${sql.raw(SANDBOX_PLAN_NAMES.map((name) => `'${name}'`).join(", "))})`,
    ),
  ],
);
export type SandboxShop = typeof sandboxShopifyShops.$inferSelect;

export const sandboxShopifyAppInstallations = pgTable(
  "sandbox_shopify_app_installations",
  {
    id: id(),
    shopId: shopId(),
    // The app's API client id: `$app` metafield namespaces resolve to `app--{appId}`.
    appId: bigint("app_id", { mode: "number" }).notNull(),
    appHandle: text("app_handle").notNull(),
    // SHA-256 of the access token; the token itself is shown once, when it is created.
    accessTokenHash: text("access_token_hash").notNull().unique(),
    // Kept in clear: webhook deliveries are signed with it (HMAC-SHA256), as Shopify does.
    apiSecret: text("api_secret").notNull(),
    scopes: text("scopes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Leaky bucket state, updated atomically by one UPDATE per request; null means full.
    bucketAvailable: doublePrecision("bucket_available"),
    bucketUpdatedAt: timestamp("bucket_updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: at("created_at"),
  },
  (t) => [uniqueIndex("sandbox_shopify_app_installations_shop_app_idx").on(t.shopId, t.appId)],
);
export type SandboxAppInstallation = typeof sandboxShopifyAppInstallations.$inferSelect;

export const sandboxShopifyProducts = pgTable(
  "sandbox_shopify_products",
  {
    id: id(),
    shopId: shopId(),
    title: text("title").notNull(),
    handle: text("handle").notNull(),
    vendor: text("vendor").notNull().default(""),
    productType: text("product_type").notNull().default(""),
    status: text("status").notNull().default("ACTIVE"),
    tags: tags(),
    createdAt: at("created_at"),
    updatedAt: at("updated_at"),
  },
  (t) => [
    uniqueIndex("sandbox_shopify_products_handle_idx").on(t.shopId, t.handle),
    index("sandbox_shopify_products_shop_id_idx").on(t.shopId, t.id),
    index("sandbox_shopify_products_updated_idx").on(t.shopId, t.updatedAt, t.id),
    index("sandbox_shopify_products_created_idx").on(t.shopId, t.createdAt, t.id),
    index("sandbox_shopify_products_title_idx").on(t.shopId, t.title, t.id),
  ],
);
export type SandboxProduct = typeof sandboxShopifyProducts.$inferSelect;

export const sandboxShopifyProductVariants = pgTable(
  "sandbox_shopify_product_variants",
  {
    id: id(),
    shopId: shopId(),
    productId: bigint("product_id", { mode: "number" })
      .notNull()
      .references(() => sandboxShopifyProducts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    sku: text("sku"),
    barcode: text("barcode"),
    price: money("price"),
    position: integer("position").notNull().default(1),
    createdAt: at("created_at"),
    updatedAt: at("updated_at"),
  },
  (t) => [
    index("sandbox_shopify_product_variants_product_idx").on(t.productId, t.position, t.id),
    index("sandbox_shopify_product_variants_shop_id_idx").on(t.shopId, t.id),
    index("sandbox_shopify_product_variants_sku_idx").on(t.shopId, t.sku),
    index("sandbox_shopify_product_variants_updated_idx").on(t.shopId, t.updatedAt, t.id),
  ],
);
export type SandboxProductVariant = typeof sandboxShopifyProductVariants.$inferSelect;

export const sandboxShopifyCustomers = pgTable(
  "sandbox_shopify_customers",
  {
    id: id(),
    shopId: shopId(),
    email: text("email"),
    // As Shopify stores it: E.164 ("+16135550135").
    phone: text("phone"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    // Shopify's displayName (and the NAME sort key): the full name, else the email.
    displayName: text("display_name").generatedAlwaysAs(
      sql`coalesce(nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), email, '')`,
    ),
    note: text("note"),
    tags: tags(),
    createdAt: at("created_at"),
    updatedAt: at("updated_at"),
  },
  (t) => [
    uniqueIndex("sandbox_shopify_customers_email_idx").on(t.shopId, sql`lower(${t.email})`),
    index("sandbox_shopify_customers_shop_id_idx").on(t.shopId, t.id),
    index("sandbox_shopify_customers_updated_idx").on(t.shopId, t.updatedAt, t.id),
    index("sandbox_shopify_customers_created_idx").on(t.shopId, t.createdAt, t.id),
    index("sandbox_shopify_customers_name_idx").on(t.shopId, t.displayName, t.id),
  ],
);
export type SandboxCustomer = typeof sandboxShopifyCustomers.$inferSelect;

export const sandboxShopifyOrders = pgTable(
  "sandbox_shopify_orders",
  {
    id: id(),
    shopId: shopId(),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    customerId: bigint("customer_id", { mode: "number" }).references(() => sandboxShopifyCustomers.id, {
      onDelete: "set null",
    }),
    currencyCode: text("currency_code").notNull(),
    subtotalPrice: money("subtotal_price"),
    totalTax: money("total_tax"),
    totalPrice: money("total_price"),
    note: text("note"),
    tags: tags(),
    processedAt: at("processed_at"),
    createdAt: at("created_at"),
    updatedAt: at("updated_at"),
  },
  (t) => [
    uniqueIndex("sandbox_shopify_orders_number_idx").on(t.shopId, t.number),
    index("sandbox_shopify_orders_shop_id_idx").on(t.shopId, t.id),
    index("sandbox_shopify_orders_updated_idx").on(t.shopId, t.updatedAt, t.id),
    index("sandbox_shopify_orders_created_idx").on(t.shopId, t.createdAt, t.id),
    index("sandbox_shopify_orders_processed_idx").on(t.shopId, t.processedAt, t.id),
    index("sandbox_shopify_orders_email_idx").on(t.shopId, sql`lower(${t.email})`),
    index("sandbox_shopify_orders_customer_idx").on(t.customerId, t.id),
  ],
);
export type SandboxOrder = typeof sandboxShopifyOrders.$inferSelect;

export const sandboxShopifyOrderLineItems = pgTable(
  "sandbox_shopify_order_line_items",
  {
    id: id(),
    shopId: shopId(),
    orderId: bigint("order_id", { mode: "number" })
      .notNull()
      .references(() => sandboxShopifyOrders.id, { onDelete: "cascade" }),
    productId: bigint("product_id", { mode: "number" }).references(() => sandboxShopifyProducts.id, {
      onDelete: "set null",
    }),
    variantId: bigint("variant_id", { mode: "number" }).references(() => sandboxShopifyProductVariants.id, {
      onDelete: "set null",
    }),
    title: text("title").notNull(),
    variantTitle: text("variant_title"),
    sku: text("sku"),
    quantity: integer("quantity").notNull(),
    price: money("price"),
  },
  (t) => [
    index("sandbox_shopify_order_line_items_order_idx").on(t.orderId, t.id),
    index("sandbox_shopify_order_line_items_sku_idx").on(t.shopId, t.sku),
  ],
);
export type SandboxOrderLineItem = typeof sandboxShopifyOrderLineItems.$inferSelect;

export const sandboxShopifyMetafields = pgTable(
  "sandbox_shopify_metafields",
  {
    id: id(),
    shopId: shopId(),
    // MetafieldOwnerType (PRODUCT, PRODUCTVARIANT, CUSTOMER, ORDER, SHOP) and the owner's numeric id.
    ownerType: text("owner_type").notNull(),
    ownerId: bigint("owner_id", { mode: "number" }).notNull(),
    namespace: text("namespace").notNull(),
    key: text("key").notNull(),
    type: text("type").notNull(),
    value: text("value").notNull(),
    createdAt: at("created_at"),
    updatedAt: at("updated_at"),
  },
  (t) => [
    uniqueIndex("sandbox_shopify_metafields_owner_key_idx").on(t.shopId, t.ownerType, t.ownerId, t.namespace, t.key),
    index("sandbox_shopify_metafields_owner_id_idx").on(t.shopId, t.ownerType, t.ownerId, t.id),
    index("sandbox_shopify_metafields_namespace_idx").on(t.shopId, t.namespace, t.key, t.id),
  ],
);
export type SandboxMetafield = typeof sandboxShopifyMetafields.$inferSelect;

export const sandboxShopifyMetafieldDefinitions = pgTable(
  "sandbox_shopify_metafield_definitions",
  {
    id: id(),
    shopId: shopId(),
    ownerType: text("owner_type").notNull(),
    namespace: text("namespace").notNull(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    type: text("type").notNull(),
    createdAt: at("created_at"),
    updatedAt: at("updated_at"),
  },
  (t) => [uniqueIndex("sandbox_shopify_metafield_definitions_key_idx").on(t.shopId, t.ownerType, t.namespace, t.key)],
);
export type SandboxMetafieldDefinition = typeof sandboxShopifyMetafieldDefinitions.$inferSelect;
