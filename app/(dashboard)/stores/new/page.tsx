import type { Metadata } from "next";
import { NewStoreView } from "@/components/stores/add/new-store-view";
import { requireActiveMembership } from "@/lib/auth/server-session";
import { can } from "@/lib/organizations/permissions";
import { SANDBOX_STORE_SIZES } from "@/lib/sandbox/shopify/provisioning";

export const metadata: Metadata = { title: "Add store" };

export default async function NewStorePage() {
  const { membership } = await requireActiveMembership("/stores/new");
  return (
    <NewStoreView
      organizationName={membership.organization.name}
      canAdd={can(membership.role, "stores.add")}
      sizes={SANDBOX_STORE_SIZES}
    />
  );
}
