import type { Metadata } from "next";
import { HomeView } from "@/components/home/home-view";
import { requireActiveMembership } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  await requireActiveMembership("/");
  return <HomeView />;
}
