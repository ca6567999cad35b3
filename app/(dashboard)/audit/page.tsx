import type { Metadata } from "next";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { requireActiveMembership } from "@/lib/auth/server-session";
import { can } from "@/lib/organizations/permissions";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const { membership } = await requireActiveMembership("/audit");
  return <AuditLogView canView={can(membership.role, "audit.view")} organizationName={membership.organization.name} />;
}
