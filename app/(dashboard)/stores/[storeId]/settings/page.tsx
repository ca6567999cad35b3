import type { Metadata } from "next";
import { StoreSettingsView } from "@/components/stores/store/store-settings-view";
import { requireSession } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Store settings" };

export default async function StoreSettingsPage({ params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params;
  await requireSession(`/stores/${encodeURIComponent(storeId)}/settings`);
  return <StoreSettingsView storeId={storeId} />;
}
