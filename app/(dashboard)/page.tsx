import type { Metadata } from "next";
import { StoresDashboard } from "@/components/stores/stores-dashboard";
import { requireActiveMembership } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Stores" };

export default async function HomePage() {
  await requireActiveMembership("/");
  return <StoresDashboard />;
}
