import { z } from "zod";
import { ROLES, type Role } from "@/lib/vocabulary/organizations";

export const ZRole = z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}` });

const RANK: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

export function toRole(value: string): Role {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : "member";
}

/** True when `role` is at least `required` (owner ≥ admin ≥ member). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}
