"use client";

import { Badge } from "@shopify/polaris";
import { ROLE_LABEL, type Role } from "@/lib/vocabulary/organizations";
import { ROLE_TONE } from "./roles";

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={ROLE_TONE[role]}>{ROLE_LABEL[role]}</Badge>;
}
