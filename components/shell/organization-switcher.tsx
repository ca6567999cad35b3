"use client";

import { Icon, InlineStack, Text, TopBar } from "@shopify/polaris";
import { CheckIcon, ChevronDownIcon, PlusIcon } from "@shopify/polaris-icons";
import { useState } from "react";
import type { Me } from "@/components/api/organizations";
import { useSwitchOrganization } from "@/components/organization/use-switch-organization";
import { ROLE_LABEL } from "@/lib/vocabulary/organizations";
import { useToast } from "./toast";

/** The top bar menu that shows the page's organization (`shownId`) and switches to another one. */
export function OrganizationSwitcher({ me, shownId }: { me: Me; shownId: string | null }) {
  const [open, setOpen] = useState(false);
  const switchOrganization = useSwitchOrganization();
  const showToast = useToast();
  const active = me.organizations.find((o) => o.id === shownId);
  const label = active?.name ?? "No organization";

  function choose(id: string) {
    setOpen(false);
    if (id === shownId && id === me.activeOrganizationId) return;
    switchOrganization.mutate(id, { onError: (err) => showToast(err.message, { error: true }) });
  }

  return (
    <TopBar.Menu
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      accessibilityLabel={`${label}: switch organization`}
      customWidth="280px"
      activatorContent={
        <InlineStack gap="150" blockAlign="center" wrap={false}>
          <Text as="span" variant="bodyMd" fontWeight="semibold" truncate>
            {switchOrganization.isPending ? "Switching…" : label}
          </Text>
          <Icon source={ChevronDownIcon} />
        </InlineStack>
      }
      actions={[
        {
          title: me.organizations.length > 0 ? "Your organizations" : undefined,
          items: me.organizations.map((org) => ({
            content: org.name,
            helpText: ROLE_LABEL[org.role],
            active: org.id === shownId,
            suffix: org.id === shownId ? <Icon source={CheckIcon} accessibilityLabel="Active" /> : undefined,
            onAction: () => choose(org.id),
          })),
        },
        {
          items: [
            {
              content: "Create organization",
              icon: PlusIcon,
              url: "/organizations/new",
              onAction: () => setOpen(false),
            },
          ],
        },
      ]}
    />
  );
}
