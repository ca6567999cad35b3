"use client";

import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { OrganizationSummary } from "@/components/api/organizations";
import { ErrorBanner } from "@/components/ui/error-banner";
import { RoleBadge } from "./role-badge";
import { useSwitchOrganization } from "./use-switch-organization";

/** Shown when the user belongs to organizations but none is active (e.g. after being removed from one). */
export function OrganizationPicker({ organizations }: { organizations: OrganizationSummary[] }) {
  const switchOrganization = useSwitchOrganization();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Or open one of your organizations
        </Text>
        <ErrorBanner error={switchOrganization.error} />
        {organizations.map((org) => (
          <InlineStack key={org.id} align="space-between" blockAlign="center">
            <InlineStack gap="200" blockAlign="center">
              <Text as="span" fontWeight="medium">
                {org.name}
              </Text>
              <RoleBadge role={org.role} />
            </InlineStack>
            <Button
              onClick={() => switchOrganization.mutate(org.id)}
              loading={switchOrganization.isPending && switchOrganization.variables === org.id}
              accessibilityLabel={`Open ${org.name}`}
            >
              Open
            </Button>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}
