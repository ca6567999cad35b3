// An audit event in words, the same on every page that shows the log (and in its exports). The
// target is the shop domain for store and sync events, the person's email for the others.
import {
  AUDIT_ACTION_GROUP_LABEL,
  AUDIT_ACTION_LABEL,
  type AuditEvent,
  type AuditFilterDetails,
  type ClearRefusal,
} from "@/lib/vocabulary/audit";
import { CLEAR_PHASE_LABEL, CLEAR_STRATEGY_LABEL } from "@/lib/vocabulary/clear";
import { OPERATION_KIND_NOUN } from "@/lib/vocabulary/operations";
import {
  EXPORT_FORMAT_LABEL,
  RESOURCE_TYPES,
  RESOURCE_TYPE_LABEL,
  SYNC_TAB_LABEL,
  type ResourceType,
} from "@/lib/vocabulary/sync";
import { listWords } from "@/lib/vocabulary/words";

const CLEAR_REFUSAL: Record<ClearRefusal, string> = {
  confirmation: "the typed confirmation did not match the store's domain",
  password_required: "the session was too old and no password was given",
  password_wrong: "the password was wrong",
  conflict: "another clear or sync was already under way",
};

const scopeWords = (types: ResourceType[]) =>
  types.length === RESOURCE_TYPES.length
    ? "all items"
    : listWords(types.map((type) => RESOURCE_TYPE_LABEL[type].plural));

const CONNECTED_BY = { oauth: " through Shopify", token: " with an access token", sandbox: "" } as const;

// A row written by a newer version of Synco than this page knows: its action's name.
function unknownAction(event: never): string {
  const { action, target } = event as { action: string; target: string | null };
  return target ? `${action} (${target})` : action;
}

export function describeAuditEvent(event: AuditEvent & { target: string | null }): string {
  const target = event.target ?? "someone";
  const shop = event.target ?? "a store";
  switch (event.action) {
    case "organization.created":
      return `Created the organization “${event.details.name}”`;
    case "organization.renamed":
      return `Renamed the organization from “${event.details.from}” to “${event.details.to}”`;
    case "invitation.created":
      return `Invited ${target} as ${event.details.role}`;
    case "invitation.canceled":
      return `Canceled the invitation for ${target}`;
    case "invitation.accepted":
      return `Joined as ${event.details.role} (accepted an invitation)`;
    case "invitation.rejected":
      return "Declined an invitation";
    case "member.role_changed":
      return `Changed ${target}'s role from ${event.details.from} to ${event.details.to}`;
    case "member.removed":
      return `Removed ${target} (${event.details.role})`;
    case "member.left":
      return "Left the organization";
    case "store.connected": {
      const { kind, size, reconnected, method } = event.details;
      if (kind === "sandbox") return `Added a ${size ? `${size} ` : ""}sandbox store (${shop})`;
      return `${reconnected ? "Reconnected" : "Connected"} ${shop}${CONNECTED_BY[method]}`;
    }
    case "store.token_replaced":
      return `Replaced the access token of ${shop}`;
    case "store.access_lost":
      return `Shopify stopped accepting the access token of ${shop}: the store needs a new token or re-authorisation`;
    case "store.settings_updated": {
      const { name, metafieldNamespace } = event.details.changes;
      const parts = [
        name ? `renamed it from “${name.from}” to “${name.to}”` : null,
        metafieldNamespace
          ? `changed its metafield namespace from “${metafieldNamespace.from}” to “${metafieldNamespace.to}”`
          : null,
      ].filter((part) => part !== null);
      return parts.length > 0 ? `Updated ${shop}: ${parts.join(" and ")}` : `Updated the settings of ${shop}`;
    }
    case "store.odoo_connection_updated": {
      const { created, changes, apiKeyReplaced } = event.details;
      if (created)
        return `Connected ${shop} to Odoo at ${changes.url?.to ?? "?"} (database ${changes.database?.to ?? "?"})`;
      const parts = [
        changes.url ? `URL to ${changes.url.to}` : null,
        changes.database ? `database to “${changes.database.to}”` : null,
        changes.login ? `login to “${changes.login.to}”` : null,
        changes.protocol ? `protocol to ${changes.protocol.to}` : null,
        apiKeyReplaced ? "a new API key" : null,
      ].filter((part) => part !== null);
      return `Changed the Odoo connection of ${shop}: ${parts.join(", ")}`;
    }
    case "store.odoo_connection_removed":
      return `Removed the Odoo connection of ${shop} (${event.details.url}, database ${event.details.database})`;
    case "store.disconnected":
      return event.details.reason === "app_uninstalled"
        ? `Disconnected ${shop}: the app was uninstalled in Shopify`
        : `Disconnected ${shop}`;
    case "store.customer_data_requested":
      return `Customer ${event.details.customerId} of ${shop} asked for their data (privacy request)`;
    case "store.customer_redacted":
      return `Erased the data of customer ${event.details.customerId} of ${shop} (privacy request)`;
    case "store.shop_redacted":
      return `Erased the data kept about ${shop} after it uninstalled the app (privacy request)`;
    case "sync.mappings_exported": {
      const { types, format } = event.details;
      const which =
        types.length === 0 || types.length === RESOURCE_TYPES.length
          ? "the whole mapping"
          : `the mapping of ${listWords(types.map((type) => RESOURCE_TYPE_LABEL[type].plural))}`;
      return `Exported ${which} of ${shop} as ${EXPORT_FORMAT_LABEL[format]}`;
    }
    case "sync.items_exported": {
      const { types, tab, q, mirror } = event.details;
      const what =
        types.length === RESOURCE_TYPES.length
          ? "every product, customer and order"
          : listWords(types.map((type) => RESOURCE_TYPE_LABEL[type].plural));
      const filter = [
        tab !== "all" ? `${SYNC_TAB_LABEL[tab].toLowerCase()} only` : null,
        mirror === "failed" ? "refused by Shopify" : null,
        q ? `matching “${q}”` : null,
      ].filter(Boolean);
      return `Exported ${what} of ${shop} with their sync status${filter.length ? ` (${filter.join(", ")})` : ""} as CSV`;
    }
    case "sync.index_refresh_requested":
      return `Started a refresh of the products, customers and orders of ${shop} from Shopify`;
    case "sync.odoo_sync_requested": {
      const what =
        event.details.scope === "store"
          ? "every item not synced or failed"
          : `${event.details.queued} ${event.details.type ? RESOURCE_TYPE_LABEL[event.details.type].plural : "items"}${event.details.scope === "failed" ? " that had failed" : ""}`;
      return `Asked to sync ${what} of ${shop} to Odoo`;
    }
    case "sync.odoo_sync_ended": {
      const counters = event.details.counters as Record<string, { done?: number; failed?: number }>;
      const done = Object.values(counters).reduce((sum, c) => sum + (c.done ?? 0), 0);
      const failed = Object.values(counters).reduce((sum, c) => sum + (c.failed ?? 0), 0);
      const figures = `${done} items synced${failed ? `, ${failed} failed` : ""}`;
      if (event.details.status === "failed")
        return `Sync of ${shop} to Odoo failed (${figures}): ${event.details.error ?? "unknown error"}`;
      if (event.details.status === "cancelled") return `Sync of ${shop} to Odoo stopped when cancelled (${figures})`;
      return `Synced ${shop} to Odoo: ${figures}`;
    }
    case "operations.run_cancelled":
      return `Cancelled ${OPERATION_KIND_NOUN[event.details.kind]} of ${shop} before it started`;
    case "operations.cancel_requested":
      return `Stopped ${OPERATION_KIND_NOUN[event.details.kind]} of ${shop}`;
    case "operations.run_resumed":
      return `Resumed ${OPERATION_KIND_NOUN[event.details.kind]} of ${shop}`;
    case "clear.requested": {
      const types = scopeWords(event.details.scope);
      const refused = event.details.refused;
      if (refused) return `Asked to clear the Synco data of ${types} in ${shop}; refused: ${CLEAR_REFUSAL[refused]}`;
      return `Asked to clear the Synco data of ${types} in ${shop}`;
    }
    case "clear.started":
      return `Clear of the Synco data of ${scopeWords(event.details.scope)} in ${shop} started (${event.details.strategy}${event.details.attempt > 1 ? `, attempt ${event.details.attempt}` : ""})`;
    case "clear.phase":
      return `Clear of ${shop}: ${CLEAR_PHASE_LABEL[event.details.phase].toLowerCase()}`;
    case "clear.finished": {
      const { metafieldsDeleted, mappingsDeleted, unreachableOrders } = event.details;
      const unreachable = unreachableOrders ? `; ${unreachableOrders} old orders were out of reach in Shopify` : "";
      return `Cleared the Synco data of ${scopeWords(event.details.scope)} in ${shop}: ${mappingsDeleted} mappings and ${metafieldsDeleted} Shopify metafields deleted, Odoo untouched${unreachable}`;
    }
    case "clear.failed":
      return `Clear of the Synco data of ${scopeWords(event.details.scope)} in ${shop} failed: ${event.details.error}`;
    case "clear.cancelled":
      return `Clear of the Synco data of ${scopeWords(event.details.scope)} in ${shop} stopped when cancelled`;
    case "clear.settings_updated": {
      const { legacyKeys, strategy } = event.details.changes;
      const parts = [
        legacyKeys ? `legacy keys set to ${legacyKeys.to.length ? legacyKeys.to.join(", ") : "none"}` : null,
        strategy ? `strategy set to ${CLEAR_STRATEGY_LABEL[strategy.to].toLowerCase()}` : null,
      ].filter(Boolean);
      return `Changed the Clear Synco Data settings of ${shop}: ${parts.join("; ")}`;
    }
    case "restore.requested":
      return `Asked to restore the mapping of ${shop} from ${event.details.fileName ? `“${event.details.fileName}”` : "an export"} (${EXPORT_FORMAT_LABEL[event.details.format]}, ${event.details.rows} rows)`;
    case "restore.finished": {
      const { restored, unchanged, skipped } = event.details;
      return `Restored the mapping of ${shop} from an export: ${restored} restored, ${unchanged} already mapped, ${skipped} skipped`;
    }
    case "restore.failed":
      return `Restore of the mapping of ${shop} from an export failed after ${event.details.restored} rows: ${event.details.error}`;
    case "restore.cancelled":
      return `Restore of the mapping of ${shop} from an export stopped when cancelled (${event.details.restored} restored)`;
    case "sync.auto_sync_updated":
      return `Turned automatic sync to Odoo ${event.details.to ? "on" : "off"} for ${shop}`;
    case "audit.exported":
      return `Exported the audit log as CSV${describeFilters(event.details.filters)}`;
    default:
      return unknownAction(event);
  }
}

const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

// " (only Store connected, of shop.myshopify.com, by ann@…, from … to … UTC)", or nothing for the whole log.
function describeFilters({ store, action, actor, from, to }: AuditFilterDetails): string {
  const actionWords = action
    ? ((AUDIT_ACTION_LABEL as Record<string, string | undefined>)[action] ?? AUDIT_ACTION_GROUP_LABEL[action] ?? action)
    : null;
  const parts = [
    actionWords ? `only “${actionWords}”` : null,
    store ? `of ${store.shopDomain ?? "a store no longer in the organization"}` : null,
    actor ? `by people matching “${actor}”` : null,
    from ? `from ${day.format(new Date(from))} UTC` : null,
    to ? `until ${day.format(new Date(to))} UTC` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
