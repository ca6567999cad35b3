// Request schemas and answer shapes of the organization and invitation routes. No server imports
// here: the forms and the pages use them too.
import { z } from "zod";
import type { InvitationStatus, Role } from "@/lib/vocabulary/organizations";
import { ZDisplayName } from "@/lib/vocabulary/text";
import { ZRole } from "./roles";

export const ZOrganizationName = ZDisplayName({ label: "Name", min: 2, max: 80 });

export const ZCreateOrganizationRequest = z.object({ name: ZOrganizationName });
export const ZRenameOrganizationRequest = z.object({ name: ZOrganizationName });

export const ZSwitchOrganizationRequest = z.object({
  organizationId: z
    .string({ error: "organizationId is required" })
    .min(1, "organizationId is required")
    .max(64, "organizationId is not an organization id"),
});

export const ZInviteMemberRequest = z.object({
  email: z.email({ error: "Email must be a valid email address" }).max(254, "Email must be at most 254 characters"),
  role: ZRole,
});
export type TInviteMemberRequest = z.infer<typeof ZInviteMemberRequest>;

export const ZChangeMemberRoleRequest = z.object({ role: ZRole });
export type TChangeMemberRoleRequest = z.infer<typeof ZChangeMemberRoleRequest>;

type OrganizationRef = { id: string; name: string; slug: string };

/** One organization of the user's, with their role in it. */
export type TOrganizationSummary = OrganizationRef & { role: Role };

/** GET /api/me — the signed-in user, their organizations and the active one. */
export type TMe = {
  user: { id: string; email: string; name: string };
  organizations: TOrganizationSummary[];
  activeOrganizationId: string | null;
};

/** GET /api/organizations */
export type TListOrganizationsResponse = { organizations: TOrganizationSummary[] };

export type TMember = { id: string; userId: string; name: string; email: string; role: Role; createdAt: Date };

export type TPendingInvitation = {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  expiresAt: Date;
  createdAt: Date;
  inviterEmail: string;
};

/** GET /api/organization — the active organization, its members and, for admins, pending invitations. */
export type TOrganizationDetails = {
  organization: OrganizationRef & { createdAt: Date };
  role: Role;
  members: TMember[];
  invitations: TPendingInvitation[];
};

/** POST /api/organizations (201) */
export type TCreateOrganizationResponse = { organization: OrganizationRef; role: "owner" };
/** PATCH /api/organization */
export type TRenameOrganizationResponse = { organization: OrganizationRef };
/** PUT /api/organizations/active */
export type TSwitchOrganizationResponse = { activeOrganizationId: string; role: Role; organization: OrganizationRef };
/** POST /api/organization/invitations (201) */
export type TInviteMemberResponse = {
  invitation: Omit<TPendingInvitation, "inviterEmail">;
  /** The link the invitee opens, shown this once: only its hash is stored. */
  link: string;
};
/** PATCH /api/organization/members/:memberId */
export type TChangeMemberRoleResponse = { member: { id: string; userId: string; role: Role } };
/** POST /api/organization/leave — where the session went: another organization, or none. */
export type TLeaveOrganizationResponse = { ok: true; activeOrganizationId: string | null };
/** DELETE /api/organization/members/:memberId, DELETE /api/organization/invitations/:id, POST …/reject */
export type TOkResponse = { ok: true };

/** GET /api/invitations/:token — as its invitee sees it. */
export type TGetInvitationResponse = {
  invitation: {
    id: string;
    email: string;
    role: Role;
    status: InvitationStatus;
    expiresAt: Date;
    organizationId: string;
    organizationName: string;
    inviterName: string;
  };
};
/** POST /api/invitations/:invitationId/accept */
export type TAcceptInvitationResponse = { organizationId: string; organizationName: string; role: Role };
