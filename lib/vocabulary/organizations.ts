// The words of organizations, defined once: the API's zod enums and the labels of the pages are
// derived from these arrays. Plain constants, safe in the browser.

/** Highest first: owner ≥ admin ≥ member. */
export const ROLES = ["owner", "admin", "member"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABEL: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member" };

export const INVITATION_STATUSES = ["pending", "accepted", "rejected", "canceled", "expired"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
