import { and, asc, desc, eq, gt } from "drizzle-orm";
import { db } from "@/db/client";
import { invitation, member, organization, user } from "@/db/schema/auth";
import { notFound } from "@/lib/errors/app-error";
import type { Role } from "@/lib/vocabulary/organizations";
import { can } from "./permissions";
import { toRole } from "./roles";
import type { TOrganizationDetails } from "./schemas";

/** The organization with its members; pending invitations only for admins and owners. */
export async function getOrganization({
  organizationId,
  viewerRole,
}: {
  organizationId: string;
  viewerRole: Role;
}): Promise<TOrganizationDetails> {
  const [org] = await db
    .select({
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      createdAt: organization.createdAt,
    })
    .from(organization)
    .where(eq(organization.id, organizationId));
  if (!org) throw notFound("Organization");

  const members = await db
    .select({
      id: member.id,
      userId: member.userId,
      role: member.role,
      name: user.name,
      email: user.email,
      createdAt: member.createdAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, organizationId))
    .orderBy(asc(member.createdAt));

  const invitations = can(viewerRole, "members.manage")
    ? await db
        .select({
          id: invitation.id,
          email: invitation.email,
          role: invitation.role,
          status: invitation.status,
          expiresAt: invitation.expiresAt,
          createdAt: invitation.createdAt,
          inviterEmail: user.email,
        })
        .from(invitation)
        .innerJoin(user, eq(user.id, invitation.inviterId))
        .where(
          and(
            eq(invitation.organizationId, organizationId),
            eq(invitation.status, "pending"),
            gt(invitation.expiresAt, new Date()),
          ),
        )
        .orderBy(desc(invitation.createdAt))
    : [];

  return {
    organization: org,
    role: viewerRole,
    members: members.map((m) => ({ ...m, role: toRole(m.role) })),
    invitations: invitations.map((i) => ({ ...i, role: toRole(i.role ?? "member") })),
  };
}
