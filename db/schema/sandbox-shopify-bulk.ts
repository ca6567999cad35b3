// Bulk operations of the sandbox Shopify store and the files they read and write (staged JSONL
// uploads, JSONL results). Files live in PostgreSQL as ordered chunks, so any app instance can
// serve a download or resume an operation another instance started, and nothing is held whole
// in memory.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { sandboxShopifyAppInstallations, sandboxShopifyShops } from "./sandbox-shopify";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
const seconds = (name: string) => timestamp(name, { withTimezone: true, precision: 0 });
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const shopId = () =>
  bigint("shop_id", { mode: "number" })
    .notNull()
    .references(() => sandboxShopifyShops.id, { onDelete: "cascade" });

export type SandboxFilePurpose = "staged_upload" | "bulk_result";

export const sandboxShopifyFiles = pgTable(
  "sandbox_shopify_files",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    shopId: shopId(),
    purpose: text("purpose").$type<SandboxFilePurpose>().notNull(),
    // Staged uploads: Shopify's `tmp/{shop}/bulk/{uuid}/{filename}` path; results: a random token.
    key: text("key").notNull().unique(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    // Proves the right to upload (staged uploads) or to download (results), like a signed URL.
    signature: text("signature").notNull(),
    size: bigint("size", { mode: "number" }).notNull().default(0),
    chunkCount: integer("chunk_count").notNull().default(0),
    uploadedAt: instant("uploaded_at"),
    // Set when a bulk mutation takes a staged upload: it may not be replaced afterwards.
    consumedAt: instant("consumed_at"),
    expiresAt: instant("expires_at").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("sandbox_shopify_files_expiry_idx").on(t.expiresAt)],
);
export type SandboxFile = typeof sandboxShopifyFiles.$inferSelect;

export const sandboxShopifyFileChunks = pgTable(
  "sandbox_shopify_file_chunks",
  {
    fileId: bigint("file_id", { mode: "number" })
      .notNull()
      .references(() => sandboxShopifyFiles.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);

export type SandboxBulkType = "QUERY" | "MUTATION";
export type SandboxBulkStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELING" | "CANCELED";

/** Where a running operation stands, written with each committed chunk of its result. */
export type SandboxBulkCheckpoint = { after?: string | null; nextLine?: number };

export const sandboxShopifyBulkOperations = pgTable(
  "sandbox_shopify_bulk_operations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    shopId: shopId(),
    // Operations belong to the app that started them; uninstalling the app removes them.
    installationId: bigint("installation_id", { mode: "number" })
      .notNull()
      .references(() => sandboxShopifyAppInstallations.id, { onDelete: "cascade" }),
    type: text("type").$type<SandboxBulkType>().notNull(),
    status: text("status").$type<SandboxBulkStatus>().notNull().default("CREATED"),
    // The bulk query, or the mutation run once per uploaded line.
    query: text("query").notNull(),
    // bulkOperationRunQuery(groupObjects:): true writes each object's children right after it;
    // false (the default since 2026-01) may write a child before its parent.
    groupObjects: boolean("group_objects").notNull().default(false),
    inputFileId: bigint("input_file_id", { mode: "number" }).references(() => sandboxShopifyFiles.id, {
      onDelete: "set null",
    }),
    clientIdentifier: text("client_identifier"),
    errorCode: text("error_code"),
    objectCount: bigint("object_count", { mode: "number" }).notNull().default(0),
    rootObjectCount: bigint("root_object_count", { mode: "number" }).notNull().default(0),
    resultFileId: bigint("result_file_id", { mode: "number" }).references(() => sandboxShopifyFiles.id, {
      onDelete: "set null",
    }),
    checkpoint: jsonb("checkpoint").$type<SandboxBulkCheckpoint>(),
    // The "fail part-way" fault, captured when the operation was created.
    failAfterObjects: integer("fail_after_objects"),
    // Origin the client called, so result URLs point back at a server it can reach.
    baseUrl: text("base_url").notNull(),
    // Which process runs it and until when; an expired lease lets another process resume it.
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: instant("lease_expires_at"),
    createdAt: seconds("created_at").notNull().defaultNow(),
    completedAt: seconds("completed_at"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("sandbox_shopify_bulk_operations_app_idx").on(t.installationId, t.type, t.status),
    index("sandbox_shopify_bulk_operations_list_idx").on(t.installationId, t.createdAt, t.id),
    index("sandbox_shopify_bulk_operations_claim_idx")
      .on(t.leaseExpiresAt)
      .where(sql`status in ('CREATED', 'RUNNING', 'CANCELING')`),
  ],
);
export type SandboxBulkOperation = typeof sandboxShopifyBulkOperations.$inferSelect;
