import type { Metadata } from "next";
import { CreateOrganizationView } from "@/components/organization/create-organization-view";
import { requireSession } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Create organization" };

export default async function NewOrganizationPage() {
  await requireSession("/organizations/new");
  return <CreateOrganizationView />;
}
