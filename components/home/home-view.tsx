"use client";

import { Banner, BlockStack, Card, EmptyState, Layout, Link, List, Page, SkeletonBodyText, SkeletonPage, Text } from "@shopify/polaris";
import { useOrganization } from "@/components/api/queries";
import { RoleBadge } from "@/components/organization/role-badge";
import { ROLE_LABEL } from "@/components/organization/roles";
import { STORES_ILLUSTRATION } from "./stores-illustration";

export function HomeView() {
  const { data, error, isPending } = useOrganization();
  if (isPending) return <LoadingHome />;
  if (error) {
    return (
      <Page title="Home">
        <Banner tone="critical" title="Could not load your organization">
          <p>{error.message}</p>
        </Banner>
      </Page>
    );
  }
  const { organization, role, members } = data;
  return (
    <Page title={organization.name} titleMetadata={<RoleBadge role={role} />} subtitle={`Signed in as ${ROLE_LABEL[role].toLowerCase()} of this organization`}>
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState heading="No stores connected yet" image={STORES_ILLUSTRATION}>
              <p>
                The Shopify stores of {organization.name} will be listed here, each with how many customers, products and orders
                are synced to Odoo.
              </p>
            </EmptyState>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Coming next
                </Text>
                <Text as="p" tone="subdued">
                  Connecting stores arrives in an upcoming release. Then you will:
                </Text>
                <List type="number">
                  <List.Item>Connect a Shopify store, or the sandbox store to try Synco without one.</List.Item>
                  <List.Item>Connect the store to its Odoo database.</List.Item>
                  <List.Item>Follow customers, products and orders as they sync, and clear a store&apos;s sync data when needed.</List.Item>
                </List>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Team
                </Text>
                <Text as="p">
                  {members.length === 1 ? "1 member" : `${members.length} members`} in {organization.name}.
                </Text>
                <Link url="/settings">{role === "member" ? "View members" : "Manage members and invitations"}</Link>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function LoadingHome() {
  return (
    <SkeletonPage>
      <Card>
        <SkeletonBodyText lines={6} />
      </Card>
    </SkeletonPage>
  );
}
