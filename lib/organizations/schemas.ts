// Request schemas of the organization routes. No server imports here: the forms use them too.
import { z } from "zod";
import { ZRole } from "./roles";

export const ZOrganizationName = z
  .string({ error: "Name is required" })
  .trim()
  .min(2, "Name must be at least 2 characters")
  .max(80, "Name must be at most 80 characters");

export const ZCreateOrganizationRequest = z.object({ name: ZOrganizationName });
export const ZRenameOrganizationRequest = z.object({ name: ZOrganizationName });

export const ZSwitchOrganizationRequest = z.object({
  organizationId: z.string({ error: "organizationId is required" }).min(1, "organizationId is required"),
});

export const ZInviteMemberRequest = z.object({
  email: z.email({ error: "Email must be a valid email address" }).max(254, "Email must be at most 254 characters"),
  role: ZRole,
});
export type TInviteMemberRequest = z.infer<typeof ZInviteMemberRequest>;

export const ZChangeMemberRoleRequest = z.object({ role: ZRole });
