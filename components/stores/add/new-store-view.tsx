"use client";

import { Banner, Card, Layout, Page } from "@shopify/polaris";
import type { SandboxSizes } from "@/components/api/stores";
import { OauthStoreForm } from "./oauth-store-form";
import { SandboxStoreForm } from "./sandbox-store-form";
import { TokenStoreForm } from "./token-store-form";

/** The three ways to add a store to the active organization (owners and admins). */
export function NewStoreView({
  organizationName,
  canAdd,
  sizes,
}: {
  organizationName: string;
  canAdd: boolean;
  sizes: SandboxSizes;
}) {
  const page = { title: "Add store", subtitle: organizationName, backAction: { content: "Stores", url: "/" } };
  if (!canAdd) {
    return (
      <Page {...page}>
        <Banner tone="info" title="Only owners and admins can add stores">
          <p>Ask an owner or admin of {organizationName} to connect the store, or to make you an admin.</p>
        </Banner>
      </Page>
    );
  }
  return (
    <Page {...page}>
      <Layout>
        <Layout.AnnotatedSection
          id="sandbox"
          title="Sandbox store"
          description="A practice store with sample customers, products and orders, to try Synco without touching a real shop."
        >
          <Card>
            <SandboxStoreForm sizes={sizes} />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          id="oauth"
          title="Shopify store"
          description="Connect a live store through Synco's Shopify app: you sign in to Shopify and approve access."
        >
          <Card>
            <OauthStoreForm />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          id="token"
          title="Custom app access token"
          description="Connect a live store with the Admin API access token of a custom app you created in Shopify."
        >
          <Card>
            <TokenStoreForm />
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
