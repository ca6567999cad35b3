// Who may do what in an organization, in one table that the route wrapper (403 below the role)
// and the pages (which hide what would be refused) both read. Client-safe: no server imports.
//
// Adding an action: one entry here, then `can: "<action>"` on its route and `can(role, …)` on its page.
import { ROLES, type Role } from "@/lib/vocabulary/organizations";
import { hasRole } from "./roles";

/** Each action and the least role allowed to take it; everything else needs only membership. */
export const LEAST_ROLE = {
  "organization.rename": "admin",
  /** Invite people, cancel invitations, change roles, remove members (owners: see canManageMember). */
  "members.manage": "admin",
  "audit.view": "admin",
  /** Connect a store to the organization (sandbox, OAuth, custom-app token). */
  "stores.add": "admin",
  /** Rename a store, change its namespace or token, re-authorise or disconnect it. */
  "store.manage": "admin",
  "sync.export": "admin",
  "sync.refresh": "admin",
  /** Sync items to Odoo (selected, all not synced, retry failed, the whole store). */
  "sync.odoo": "admin",
  /** Cancel a store's run under way, or resume one that failed or was cancelled. */
  "operations.control": "admin",
  /** Clear Synco Data: delete a store's mappings and their metafields (and change the clear's settings). */
  "clear.start": "admin",
  /** Restore a store's mapping from an export file (checked against Shopify and Odoo). */
  "mappings.restore": "admin",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof LEAST_ROLE;

export function can(role: Role, action: Action): boolean {
  return hasRole(role, LEAST_ROLE[action]);
}

/** Roles a member may give, by invitation or by a change of role: only owners make owners. */
export function assignableRoles(role: Role): Role[] {
  if (!can(role, "members.manage")) return [];
  return ROLES.filter((candidate) => candidate !== "owner" || role === "owner");
}

/** Whether a member of role `by` may change or remove a member of role `target`: only owners touch owners. */
export function canManageMember(by: Role, target: Role): boolean {
  return can(by, "members.manage") && (by === "owner" || target !== "owner");
}
