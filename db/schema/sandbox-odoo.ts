// The sandbox Odoo (lib/sandbox/odoo): its databases (one per sandbox Odoo server, each with an
// Odoo version), users' credentials, API keys, faults and call log, and the records of every model
// in one table. Odoo ids are per database and per model, like Odoo's own tables, so the records
// are keyed by (database, model, id) and each model's next id lives in `sandbox_odoo_sequences`.
// Field values are a jsonb document per record; the model registry (lib/sandbox/odoo/orm) knows
// their types, and domains are translated to SQL over it.
import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();
const databaseId = () =>
  integer("database_id")
    .notNull()
    .references(() => sandboxOdooDatabases.id, { onDelete: "cascade" });

export type SandboxOdooVersion = 16 | 17 | 18 | 19;

export const sandboxOdooDatabases = pgTable("sandbox_odoo_databases", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  name: text("name").notNull().unique(),
  version: smallint("version").$type<SandboxOdooVersion>().notNull(),
  createdAt: at("created_at"),
});
export type SandboxOdooDatabase = typeof sandboxOdooDatabases.$inferSelect;

export const sandboxOdooRecords = pgTable(
  "sandbox_odoo_records",
  {
    databaseId: databaseId(),
    model: text("model").notNull(),
    id: integer("id").notNull(),
    vals: jsonb("vals").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.databaseId, t.model, t.id] }),
    // The matching keys connectors search by, and the inverse fields of one2many reads.
    index("sandbox_odoo_records_email_idx").on(t.databaseId, t.model, sql`(${t.vals}->>'email')`),
    index("sandbox_odoo_records_default_code_idx").on(t.databaseId, t.model, sql`(${t.vals}->>'default_code')`),
    index("sandbox_odoo_records_barcode_idx").on(t.databaseId, t.model, sql`(${t.vals}->>'barcode')`),
    index("sandbox_odoo_records_client_order_ref_idx").on(t.databaseId, t.model, sql`(${t.vals}->>'client_order_ref')`),
    // one2many reads look children up by their inverse many2one.
    ...["order_id", "move_id", "product_tmpl_id", "parent_id"].map((field) =>
      index(`sandbox_odoo_records_${field}_idx`).on(
        t.databaseId,
        t.model,
        sql`((${t.vals}->>${sql.raw(`'${field}'`)})::int)`,
      ),
    ),
  ],
);

export const sandboxOdooSequences = pgTable(
  "sandbox_odoo_sequences",
  {
    databaseId: databaseId(),
    /** A model's record ids, or a document numbering such as `sale.order` names. */
    name: text("name").notNull(),
    next: integer("next").notNull(),
  },
  (t) => [primaryKey({ columns: [t.databaseId, t.name] })],
);

/** Login secrets and access groups of `res.users` records (the users themselves are records). */
export const sandboxOdooCredentials = pgTable(
  "sandbox_odoo_credentials",
  {
    databaseId: databaseId(),
    uid: integer("uid").notNull(),
    /** scrypt, `scrypt$<salt>$<hash>`; null: the user cannot log in with a password (a bot user). */
    passwordHash: text("password_hash"),
    /** Group xml ids (`sales_team.group_sale_salesman`…): what ir.model.access grants this user. */
    groups: text("groups")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [primaryKey({ columns: [t.databaseId, t.uid] })],
);

export const sandboxOdooApiKeys = pgTable(
  "sandbox_odoo_api_keys",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    databaseId: databaseId(),
    uid: integer("uid").notNull(),
    name: text("name").notNull(),
    /** The key's first 8 characters, as Odoo indexes them; only the SHA-256 of the key is kept. */
    index: text("index").notNull(),
    keyHash: text("key_hash").notNull(),
    /** Odoo 18+: keys expire. Null: never (16/17, or a key created without a duration). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: at("created_at"),
  },
  (t) => [
    index("sandbox_odoo_api_keys_index_idx").on(t.databaseId, t.index),
    uniqueIndex("sandbox_odoo_api_keys_hash_idx").on(t.keyHash),
  ],
);

export const sandboxOdooFaults = pgTable("sandbox_odoo_faults", {
  databaseId: databaseId().primaryKey(),
  settings: jsonb("settings").notNull(),
  updatedAt: at("updated_at"),
});

export const sandboxOdooCalls = pgTable(
  "sandbox_odoo_calls",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    databaseId: databaseId(),
    at: at("at"),
    /** jsonrpc, xmlrpc, json2 or web. */
    protocol: text("protocol").notNull(),
    /** `common.authenticate`, `res.partner.search_read`, `/web/webclient/version_info`… */
    target: text("target").notNull(),
    uid: integer("uid"),
    /** HTTP status sent. */
    status: integer("status").notNull(),
    /** The Odoo exception name of an error answer, or the fault injected (`fault:reset`). */
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("sandbox_odoo_calls_database_idx").on(t.databaseId, t.id)],
);
export type SandboxOdooCall = typeof sandboxOdooCalls.$inferSelect;
