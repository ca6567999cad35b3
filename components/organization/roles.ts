import type { BadgeProps } from "@shopify/polaris";
import type { Role } from "@/lib/vocabulary/organizations";

export const ROLE_TONE: Record<Role, BadgeProps["tone"]> = { owner: "magic", admin: "info", member: undefined };

export const ROLE_HELP: Record<Role, string> = {
  owner: "Everything, including managing owners",
  admin: "Manage members, invitations and stores",
  member: "View the organization and its stores",
};
