"use client";

import { BlockStack, Card, EmptyState, Page, SkeletonBodyText, SkeletonPage } from "@shopify/polaris";
import { PlusIcon } from "@shopify/polaris-icons";
import { useOrganizationOperations } from "@/components/api/operations";
import { useOrganization } from "@/components/api/organizations";
import { useStores, type Store } from "@/components/api/stores";
import { RoleBadge } from "@/components/organization/role-badge";
import { ErrorBanner } from "@/components/ui/error-banner";
import { can } from "@/lib/organizations/permissions";
import { OauthErrorBanner } from "./oauth-error-banner";
import { storeState } from "./store-badges";
import { STORES_ILLUSTRATION } from "./stores-illustration";
import { StoresTable } from "./stores-table";

/** The home page: every store of the active organization (`/` and `/stores`). */
export function StoresDashboard({ oauthError }: { oauthError?: string }) {
  const organization = useOrganization();
  const stores = useStores();
  // Followed from the start, even with no store yet: a store added in another tab shows up with its first run.
  const { data: runs = [] } = useOrganizationOperations();
  if (organization.isPending || (stores.isPending && !stores.error)) return <LoadingDashboard />;
  if (organization.error) {
    return (
      <Page title="Stores">
        <ErrorBanner title="Could not load your organization" error={organization.error} />
      </Page>
    );
  }
  const { organization: org, role } = organization.data;
  const canAdd = can(role, "stores.add");
  const list = stores.data ?? [];
  return (
    <Page
      title={org.name}
      titleMetadata={<RoleBadge role={role} />}
      subtitle={list.length > 0 ? summary(list) : "Stores of this organization"}
      primaryAction={
        canAdd && list.length > 0 ? { content: "Add store", url: "/stores/new", icon: PlusIcon } : undefined
      }
    >
      <BlockStack gap="400">
        {oauthError ? <OauthErrorBanner reason={oauthError} /> : null}
        {stores.error ? (
          <ErrorBanner title="Could not load the stores" error={stores.error} />
        ) : list.length > 0 ? (
          <StoresTable stores={list} runs={runs} />
        ) : (
          <Card>
            <EmptyState
              heading="No stores connected yet"
              image={STORES_ILLUSTRATION}
              action={canAdd ? { content: "Add store", url: "/stores/new" } : undefined}
            >
              <p>
                {canAdd
                  ? "Connect a Shopify store to follow which customers, products and orders sync to Odoo, or add a sandbox store to try Synco with sample data."
                  : `The stores of ${org.name} will be listed here once an owner or admin connects them.`}
              </p>
            </EmptyState>
          </Card>
        )}
      </BlockStack>
    </Page>
  );
}

function summary(stores: Store[]): string {
  const attention = stores.filter((store) => storeState(store).attention).length;
  const count = stores.length === 1 ? "1 store" : `${stores.length} stores`;
  return attention > 0 ? `${count} · ${attention} need${attention === 1 ? "s" : ""} attention` : count;
}

function LoadingDashboard() {
  return (
    <SkeletonPage primaryAction>
      <Card>
        <SkeletonBodyText lines={6} />
      </Card>
    </SkeletonPage>
  );
}
