// Each store's Odoo connection: where its Odoo is (URL, database), who Synco acts as (login and
// API key) and which protocol to speak. The API key is only ever stored encrypted (lib/crypto),
// bound to the store id. A sandbox store's connection points at the app's own sandbox Odoo: its
// URL is kept as a path and resolved against the app's address when used, as for its Shopify side.
import { boolean, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { OdooConnectionProblem, OdooProtocolSetting } from "@/lib/vocabulary/odoo";
import { organization, user } from "./auth";
import { stores } from "./stores";

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** The last connection test's outcome, shown next to the connection. */
export type OdooConnectionTestSummary = {
  at: string;
  ok: boolean;
  problem: OdooConnectionProblem | null;
  serverVersion: string | null;
};

export const storeOdooConnections = pgTable("store_odoo_connections", {
  storeId: text("store_id")
    .primaryKey()
    .references(() => stores.id, { onDelete: "cascade" }),
  organizationId: text("organization_id")
    .notNull()
    .references(() => organization.id, { onDelete: "cascade" }),
  /** The app's own sandbox Odoo: `url` is a path on the app. */
  sandbox: boolean("sandbox").notNull().default(false),
  url: text("url").notNull(),
  database: text("database").notNull(),
  login: text("login").notNull(),
  protocol: text("protocol").$type<OdooProtocolSetting>().notNull().default("auto"),
  // AES-256-GCM of the API key, associated data the store id.
  apiKeyCiphertext: text("api_key_ciphertext").notNull(),
  apiKeyKeyId: text("api_key_key_id").notNull(),
  lastTest: jsonb("last_test").$type<OdooConnectionTestSummary>(),
  updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: instant("created_at").notNull().defaultNow(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});
export type StoreOdooConnection = typeof storeOdooConnections.$inferSelect;
