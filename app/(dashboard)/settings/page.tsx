import type { Metadata } from "next";
import { SettingsView } from "@/components/organization/settings-view";
import { requireActiveMembership } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Organization settings" };

export default async function SettingsPage() {
  await requireActiveMembership("/settings");
  return <SettingsView />;
}
