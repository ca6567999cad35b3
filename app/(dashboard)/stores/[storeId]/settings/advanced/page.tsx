import type { Metadata } from "next";
import { AdvancedSettingsView } from "@/components/stores/advanced/advanced-settings-view";
import { requireSession } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Advanced settings" };

export default async function AdvancedSettingsPage({ params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params;
  await requireSession(`/stores/${encodeURIComponent(storeId)}/settings/advanced`);
  return <AdvancedSettingsView storeId={storeId} />;
}
