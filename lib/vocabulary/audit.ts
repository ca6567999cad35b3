// The audit log's words: every action it records with the details each one keeps (recordAudit
// accepts only these; lib/audit/describe-audit-event.ts says each in words), and how it ended.
// Plain types and constants, safe in the browser.
//
// Adding an action: one entry in AuditDetails; the compiler then asks for its words.
import type { ClearPhase, ClearStrategy, ClearStrategySetting } from "./clear";
import type { OdooSyncScope } from "./odoo-sync";
import type { OperationKind } from "./operations";
import type { Role } from "./organizations";
import type { ConnectionMethod, DisconnectReason, SandboxSize, StoreKind, StoreStatus } from "./stores";
import type { ExportFormat, ResourceType, SyncMirrorFilter, SyncTab } from "./sync";

export const AUDIT_OUTCOMES = ["succeeded", "failed", "cancelled"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

type Change<T> = { from: T; to: T };

export interface AuditDetails {
  "organization.created": { name: string };
  "organization.renamed": Change<string>;
  "invitation.created": { role: Role; invitationId: string };
  "invitation.canceled": { invitationId: string };
  "invitation.accepted": { role: Role; invitationId: string };
  "invitation.rejected": { invitationId: string };
  "member.role_changed": Change<Role>;
  "member.removed": { role: Role };
  "member.left": { role: Role };
  "store.connected": {
    kind: StoreKind;
    method: ConnectionMethod;
    status: StoreStatus;
    reconnected: boolean;
    size?: SandboxSize;
  };
  "store.token_replaced": { kind: StoreKind; previousStatus: StoreStatus; apiSecretReplaced: boolean };
  "store.settings_updated": {
    kind: StoreKind;
    changes: { name?: Change<string>; metafieldNamespace?: Change<string> };
  };
  /** The store's Odoo connection was set up or changed (never the key: only whether it was replaced). */
  "store.odoo_connection_updated": {
    created: boolean;
    changes: {
      url?: Change<string | null>;
      database?: Change<string | null>;
      login?: Change<string | null>;
      protocol?: Change<string | null>;
    };
    apiKeyReplaced: boolean;
  };
  "store.odoo_connection_removed": { url: string; database: string; login: string };
  /** Shopify refused the store's credentials (HTTP status); recorded with Shopify as the actor. */
  "store.access_lost": { status: number };
  "store.disconnected": { kind: StoreKind; reason: DisconnectReason };
  // Shopify's privacy webhooks: what Synco held, and what it erased.
  "store.customer_data_requested": {
    customerId: string;
    dataRequestId: string | number | null;
    held: { webhookPayloads: number; indexItems: number };
  };
  "store.customer_redacted": {
    customerId: string;
    orders: number;
    erased: { webhookPayloads: number; indexItems: number };
  };
  "store.shop_redacted": {
    erased: { webhookPayloads: number; credentials: number; indexItems: number; mappings: number };
  };
  "sync.mappings_exported": { format: ExportFormat; types: ResourceType[] };
  /** A list's items exported as seen (tab, search, refused mappings); `types` every type for the overview's. */
  "sync.items_exported": { types: ResourceType[]; tab: SyncTab; q: string | null; mirror: SyncMirrorFilter | null };
  /** runId: the refresh's operation run (older rows kept the pg-boss job id instead). */
  "sync.index_refresh_requested": { runId?: string; jobId?: string | null };
  // Operation runs stopped or continued by hand (the target is the store's shop domain).
  "operations.run_cancelled": { runId: string; kind: OperationKind };
  "operations.cancel_requested": { runId: string; kind: OperationKind };
  "operations.run_resumed": { runId: string; kind: OperationKind; counters: Record<string, unknown> };
  // Clear Synco Data (the target is the store's shop domain). A refused request keeps why.
  "clear.requested": {
    runId: string | null;
    scope: ResourceType[];
    /** False when the idempotency key named a run already started. */
    created?: boolean;
    refused?: ClearRefusal;
  };
  /** An attempt of the run began on a worker (a resumed or retried run starts again). */
  "clear.started": { runId: string; scope: ResourceType[]; strategy: ClearStrategy; attempt: number };
  "clear.phase": { runId: string; phase: ClearPhase; counters: Record<string, unknown> };
  "clear.finished": {
    runId: string;
    /** The run's finishedAt: a run resumed after it ended can end again, each end recorded once. */
    endedAt?: string;
    scope: ResourceType[];
    strategy: ClearStrategy;
    counters: Record<string, unknown>;
    metafieldsDeleted: number;
    mappingsDeleted: number;
    unreachableOrders: number | null;
  };
  "clear.failed": {
    runId: string;
    endedAt?: string;
    scope: ResourceType[];
    error: string;
    counters: Record<string, unknown>;
  };
  "clear.cancelled": { runId: string; endedAt?: string; scope: ResourceType[]; counters: Record<string, unknown> };
  "clear.settings_updated": {
    changes: { legacyKeys?: Change<string[]>; strategy?: Change<ClearStrategySetting> };
  };
  /** A sync to Odoo was asked for (a person; automatic sync from webhooks is not audited per item). */
  "sync.odoo_sync_requested": {
    runId: string;
    scope: OdooSyncScope;
    type: ResourceType | null;
    /** Items this request added to the queue. */
    queued: number;
    /** False when a sync already queued or running took the items. */
    created: boolean;
  };
  /** A sync a person asked for ended (automatic syncs are in the run history only). */
  "sync.odoo_sync_ended": {
    runId: string;
    endedAt: string;
    status: "succeeded" | "failed" | "cancelled";
    error: string | null;
    counters: Record<string, unknown>;
  };
  // Restore from an export (the target is the store's shop domain).
  /** A file was accepted: its name as uploaded, its format and how many rows it held. */
  "restore.requested": { runId: string; fileName: string | null; format: ExportFormat; rows: number };
  "restore.finished": {
    runId: string;
    endedAt: string;
    restored: number;
    unchanged: number;
    skipped: number;
  };
  "restore.failed": { runId: string; endedAt: string; error: string; restored: number; skipped: number };
  "restore.cancelled": { runId: string; endedAt: string; restored: number; skipped: number };
  /** Automatic sync from Shopify's webhooks turned on or off. */
  "sync.auto_sync_updated": Change<boolean>;
  /** A CSV of the audit log left the product, with the filters it was taken with. */
  "audit.exported": { format: "csv"; filters: AuditFilterDetails };
}

/** Why a clear request was turned down. */
export type ClearRefusal = "confirmation" | "password_required" | "password_wrong" | "conflict";

/** The filters of an audit log export, as recorded (the store by id and shop domain). */
export type AuditFilterDetails = {
  store?: { id: string; shopDomain: string | null };
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
};

export type AuditAction = keyof AuditDetails;

/** Each action as the audit page's filter and the CSV name it, in a merchant's words. */
export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  "organization.created": "Organization created",
  "organization.renamed": "Organization renamed",
  "invitation.created": "Person invited",
  "invitation.canceled": "Invitation canceled",
  "invitation.accepted": "Invitation accepted",
  "invitation.rejected": "Invitation declined",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "member.left": "Member left",
  "store.connected": "Store connected",
  "store.token_replaced": "Access token replaced",
  "store.settings_updated": "Store settings changed",
  "store.odoo_connection_updated": "Odoo connection changed",
  "store.odoo_connection_removed": "Odoo connection removed",
  "store.access_lost": "Shopify refused the access token",
  "store.disconnected": "Store disconnected",
  "store.customer_data_requested": "Customer asked for their data",
  "store.customer_redacted": "Customer data erased",
  "store.shop_redacted": "Store data erased after uninstall",
  "sync.mappings_exported": "Mapping exported",
  "sync.items_exported": "Items exported",
  "sync.index_refresh_requested": "Refresh from Shopify started",
  "sync.odoo_sync_requested": "Sync to Odoo requested",
  "sync.odoo_sync_ended": "Sync to Odoo ended",
  "operations.run_cancelled": "Work cancelled before it started",
  "operations.cancel_requested": "Work stopped",
  "operations.run_resumed": "Work resumed",
  "clear.requested": "Clear Synco Data requested",
  "clear.started": "Clear Synco Data started",
  "clear.phase": "Clear Synco Data step",
  "clear.finished": "Synco data cleared",
  "clear.failed": "Clear Synco Data failed",
  "clear.cancelled": "Clear Synco Data cancelled",
  "clear.settings_updated": "Clear Synco Data settings changed",
  "restore.requested": "Restore from export requested",
  "restore.finished": "Mapping restored from export",
  "restore.failed": "Restore from export failed",
  "restore.cancelled": "Restore from export cancelled",
  "sync.auto_sync_updated": "Automatic sync changed",
  "audit.exported": "Audit log exported",
};

/** How the audit page groups actions in its filter: the part before the dot. */
export const AUDIT_ACTION_GROUP_LABEL: Record<string, string> = {
  organization: "Organization",
  invitation: "Invitations",
  member: "Members",
  store: "Stores",
  sync: "Sync status",
  operations: "Long-running work",
  clear: "Clear Synco Data",
  restore: "Restore from export",
  audit: "Audit log",
};

/** One action with its own details: `action` narrows `details`. */
export type AuditEvent = { [A in AuditAction]: { action: A; details: AuditDetails[A] } }[AuditAction];

/** A row of the audit log as services read it. */
