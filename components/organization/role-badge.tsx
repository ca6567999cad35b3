"use client";

import { Badge } from "@shopify/polaris";
import type { Role } from "@/lib/organizations/roles";
import { ROLE_LABEL, ROLE_TONE } from "./roles";

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={ROLE_TONE[role]}>{ROLE_LABEL[role]}</Badge>;
}
