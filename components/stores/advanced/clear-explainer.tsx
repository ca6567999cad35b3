"use client";

import { Banner, BlockStack, List, Text } from "@shopify/polaris";

/**
 * What Clear Synco Data does, before anyone presses the button: what it deletes and where, why
 * that data matters, that it cannot be undone, what the store looks like afterwards, when it is
 * the right tool, and that Odoo is left alone.
 */
export function ClearExplainer({ shopDomain }: { shopDomain: string }) {
  return (
    <BlockStack gap="400">
      <Text as="p">
        Clear Synco Data removes everything Synco has recorded about which of {shopDomain}&apos;s items are synced to
        Odoo: the sync status of each product, customer and order, and the link to its Odoo record. It is deleted in two
        places — from the metafields Synco keeps on each item in Shopify, and from Synco itself.
      </Text>
      <Banner tone="critical" title="This cannot be undone">
        <p>
          The sync status and Odoo links of every item you clear are deleted for good, in Shopify and in Synco. The only
          way back is to sync the items again (or to restore a mapping export you downloaded before clearing).
        </p>
      </Banner>
      <Section title="What is deleted">
        <List>
          <List.Item>
            <strong>Orders</strong>: whether each order is synced, and its Odoo link — the Odoo order ID and the Odoo
            invoice ID.
          </List.Item>
          <List.Item>
            <strong>Products</strong>: whether each product is synced, and the Odoo product it is linked to.
          </List.Item>
          <List.Item>
            <strong>Customers</strong>: whether each customer is synced, and the Odoo contact they are linked to.
          </List.Item>
        </List>
        <Text as="p" tone="subdued">
          You can choose to clear only some of these in the confirmation.
        </Text>
      </Section>
      <Section title="Why this data matters">
        <Text as="p">Synco relies on the mapping between Shopify items and Odoo records to:</Text>
        <List>
          <List.Item>show which items are already synced;</List.Item>
          <List.Item>avoid sending the same item to Odoo twice;</List.Item>
          <List.Item>show the sync status on these pages;</List.Item>
          <List.Item>know which Odoo record belongs to which Shopify item.</List.Item>
        </List>
      </Section>
      <Section title="What Odoo keeps">
        <Text as="p">
          Nothing in Odoo is deleted or changed. Its orders, invoices, products and contacts stay exactly as they are;
          only the links from Shopify to them are forgotten.
        </Text>
      </Section>
      <Section title="Afterwards">
        <List>
          <List.Item>Every cleared item shows as Not synced, and its status marks are gone.</List.Item>
          <List.Item>Synco no longer knows which Odoo record each cleared item belongs to.</List.Item>
          <List.Item>The next sync treats the cleared items as new ones.</List.Item>
          <List.Item>Sync the items again to rebuild their mapping.</List.Item>
        </List>
      </Section>
      <Section title="When to use it">
        <List>
          <List.Item>You are starting over with a new sync setup.</List.Item>
          <List.Item>Sync conflicts or inconsistent data need a clean slate.</List.Item>
          <List.Item>You want to rebuild every mapping from scratch.</List.Item>
          <List.Item>You are testing or troubleshooting the sync.</List.Item>
          <List.Item>You are about to disconnect your Odoo server and connect it again.</List.Item>
        </List>
      </Section>
      <Section title="How it works">
        <List type="number">
          <List.Item>Read this page, and download the mapping first if you may want it back.</List.Item>
          <List.Item>Press Clear Synco Data and choose what to clear.</List.Item>
          <List.Item>Type the store&apos;s domain to confirm.</List.Item>
          <List.Item>
            Follow the progress here — you can close the page and come back; anyone in your organization sees the same
            progress.
          </List.Item>
        </List>
      </Section>
      <Text as="p" tone="subdued">
        Need help with advanced settings? Email <a href="mailto:support@techspawn.com">support@techspawn.com</a>.
      </Text>
    </BlockStack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      {children}
    </BlockStack>
  );
}
