"use client";

import { BlockStack, Button, Text } from "@shopify/polaris";
import { AuthLayout } from "@/components/auth/auth-layout";

/** The branded "page not found": what happened and the way back to the stores. */
export function NotFoundView() {
  return (
    <AuthLayout title="Page not found" subtitle="This address does not lead to a page of Synco.">
      <BlockStack gap="400">
        <Text as="p">
          The link may be mistyped, or the page has moved. A store or organization you are not a member of is not shown
          either.
        </Text>
        <Button variant="primary" size="large" fullWidth url="/">
          Go to your stores
        </Button>
      </BlockStack>
    </AuthLayout>
  );
}
