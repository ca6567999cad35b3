// Role changes, removals and leaving. The organization's member rows are locked first, and both the
// actor's role and the last-owner rule are read from those locked rows — never from the membership
// the route read before the transaction — so two owners demoting or removing each other at the
// same moment cannot leave the organization without an owner (docs/threat-model.md, T3).
import { and, eq, ne } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { member, session, user } from "@/db/schema/auth";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Role } from "@/lib/vocabulary/organizations";
import { assignableRoles, canManageMember } from "./permissions";
import { toRole } from "./roles";
import type { TChangeMemberRoleResponse, TLeaveOrganizationResponse, TOkResponse } from "./schemas";

/** The acting member (their role is read again under the lock); `actor` is who the log names. */
type By = { memberId: string };

async function lockMembers(tx: Db, organizationId: string) {
  const rows = await tx.select().from(member).where(eq(member.organizationId, organizationId)).for("update");
  return rows.map((row) => ({ ...row, role: toRole(row.role) }));
}

const ownerCount = (rows: { role: Role }[]) => rows.filter((row) => row.role === "owner").length;

/** The actor's role as it is now, from the locked rows; gone meanwhile → the organization is gone to them. */
function lockedRole(members: { id: string; role: Role }[], by: By): Role {
  const self = members.find((m) => m.id === by.memberId);
  if (!self) throw notFound("Organization");
  return self.role;
}

export async function changeMemberRole({
  organizationId,
  by,
  actor,
  memberId,
  role,
}: {
  organizationId: string;
  by: By;
  actor: Actor;
  memberId: string;
  role: Role;
}): Promise<TChangeMemberRoleResponse> {
  return db.transaction(async (tx) => {
    const members = await lockMembers(tx, organizationId);
    const byRole = lockedRole(members, by);
    const target = members.find((m) => m.id === memberId);
    if (!target) throw notFound("Member");
    if (!canManageMember(byRole, target.role) || !assignableRoles(byRole).includes(role)) {
      throw new AppError("forbidden", "Only an owner can change an owner's role or make someone an owner");
    }
    if (target.role === "owner" && role !== "owner" && ownerCount(members) === 1) {
      throw new AppError("conflict", "An organization needs at least one owner: make someone else an owner first");
    }
    await tx.update(member).set({ role }).where(eq(member.id, memberId));
    await recordAudit(tx, actor, {
      organizationId,
      action: "member.role_changed",
      target: await emailOf(tx, target.userId),
      details: { from: target.role, to: role },
    });
    return { member: { id: memberId, userId: target.userId, role } };
  });
}

export async function removeMember({
  organizationId,
  by,
  actor,
  memberId,
}: {
  organizationId: string;
  by: By;
  actor: Actor;
  memberId: string;
}): Promise<TOkResponse> {
  return db.transaction(async (tx) => {
    const members = await lockMembers(tx, organizationId);
    const byRole = lockedRole(members, by);
    const target = members.find((m) => m.id === memberId);
    if (!target) throw notFound("Member");
    if (target.id === by.memberId) throw new AppError("conflict", "To remove yourself, leave the organization instead");
    if (!canManageMember(byRole, target.role)) throw new AppError("forbidden", "Only an owner can remove an owner");
    await tx.delete(member).where(eq(member.id, memberId));
    await clearActiveOrganization(tx, target.userId, organizationId);
    await recordAudit(tx, actor, {
      organizationId,
      action: "member.removed",
      target: await emailOf(tx, target.userId),
      details: { role: target.role },
    });
    return { ok: true } as const;
  });
}

/** The member leaves; the session moves to another of their organizations, if any. */
export async function leaveOrganization({
  organizationId,
  actor,
}: {
  organizationId: string;
  actor: Actor;
}): Promise<TLeaveOrganizationResponse> {
  return db.transaction(async (tx) => {
    const members = await lockMembers(tx, organizationId);
    const self = members.find((m) => m.userId === actor.userId);
    if (!self) throw notFound("Organization");
    if (self.role === "owner" && ownerCount(members) === 1) {
      throw new AppError("conflict", "You are the only owner: make someone else an owner before leaving");
    }
    await tx.delete(member).where(eq(member.id, self.id));
    const next = await clearActiveOrganization(tx, actor.userId, organizationId);
    await recordAudit(tx, actor, {
      organizationId,
      action: "member.left",
      target: actor.email,
      details: { role: self.role },
    });
    return { ok: true, activeOrganizationId: next } as const;
  });
}

async function emailOf(tx: Db, userId: string): Promise<string | null> {
  const [row] = await tx.select({ email: user.email }).from(user).where(eq(user.id, userId));
  return row?.email ?? null;
}

async function clearActiveOrganization(tx: Db, userId: string, organizationId: string): Promise<string | null> {
  const [other] = await tx
    .select({ organizationId: member.organizationId })
    .from(member)
    .where(and(eq(member.userId, userId), ne(member.organizationId, organizationId)))
    .limit(1);
  const next = other?.organizationId ?? null;
  await tx
    .update(session)
    .set({ activeOrganizationId: next })
    .where(and(eq(session.userId, userId), eq(session.activeOrganizationId, organizationId)));
  return next;
}
