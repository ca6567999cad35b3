// The audit log's words: every action it records with the details each one keeps (recordAudit
// accepts only these; lib/audit/describe-audit-event.ts says each in words), and how it ended.
// Plain types and constants, safe in the browser.
//
// Adding an action: one entry in AuditDetails; the compiler then asks for its words.
import type { ClearPhase, ClearStrategy, ClearStrategySetting } from "./clear";
import type { OperationKind } from "./operations";
import type { Role } from "./organizations";
import type { ConnectionMethod, DisconnectReason, SandboxSize, StoreKind, StoreStatus } from "./stores";
import type { ExportFormat, ResourceType } from "./sync";

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
    scope: ResourceType[];
    strategy: ClearStrategy;
    counters: Record<string, unknown>;
    metafieldsDeleted: number;
    mappingsDeleted: number;
    unreachableOrders: number | null;
  };
  "clear.failed": { runId: string; scope: ResourceType[]; error: string; counters: Record<string, unknown> };
  "clear.cancelled": { runId: string; scope: ResourceType[]; counters: Record<string, unknown> };
  "clear.settings_updated": {
    changes: { legacyKeys?: Change<string[]>; strategy?: Change<ClearStrategySetting> };
  };
}

/** Why a clear request was turned down. */
export type ClearRefusal = "confirmation" | "password_required" | "password_wrong" | "conflict";

export type AuditAction = keyof AuditDetails;

/** One action with its own details: `action` narrows `details`. */
export type AuditEvent = { [A in AuditAction]: { action: A; details: AuditDetails[A] } }[AuditAction];

/** A row of the audit log as services read it. */
