"use client";

import { Page, Text } from "@shopify/polaris";

export default function Home() {
  return (
    <Page title="Synco">
      <Text as="p">Starting…</Text>
    </Page>
  );
}
