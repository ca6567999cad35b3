"use client";

import { Banner, BlockStack, Box, Button, Card, Divider, InlineStack, SkeletonBodyText, Text } from "@shopify/polaris";
import { useAuditLog, type AuditEntry } from "@/components/api/queries";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

// What each recorded action means, in the words of the settings page.
function describe(entry: AuditEntry): string {
  if (entry.action.startsWith("store.")) return describeStore(entry);
  if (entry.action.startsWith("sync.")) return describeSync(entry);
  const target = entry.target ?? "someone";
  const details = entry.details as { role?: string; from?: string; to?: string; name?: string };
  switch (entry.action) {
    case "organization.created":
      return `Created the organization “${details.name ?? ""}”`;
    case "organization.renamed":
      return `Renamed the organization from “${details.from}” to “${details.to}”`;
    case "invitation.created":
      return `Invited ${target} as ${details.role}`;
    case "invitation.canceled":
      return `Canceled the invitation for ${target}`;
    case "invitation.accepted":
      return `Joined as ${details.role} (accepted an invitation)`;
    case "invitation.rejected":
      return "Declined an invitation";
    case "member.role_changed":
      return `Changed ${target}'s role from ${details.from} to ${details.to}`;
    case "member.removed":
      return `Removed ${target} (${details.role})`;
    case "member.left":
      return "Left the organization";
    default:
      return entry.action;
  }
}

type StoreDetails = {
  kind?: string;
  method?: string;
  size?: string;
  reconnected?: boolean;
  reason?: string;
  customerId?: string;
  changes?: { name?: { from: string; to: string }; metafieldNamespace?: { from: string; to: string } };
};

const CONNECTED_BY: Record<string, string> = { oauth: " through Shopify", token: " with an access token" };

// Store actions: the target is the shop domain; webhook-driven ones are attributed to Shopify.
function describeStore(entry: AuditEntry): string {
  const shop = entry.target ?? "a store";
  const details = entry.details as StoreDetails;
  switch (entry.action) {
    case "store.connected":
      if (details.kind === "sandbox") return `Added a ${details.size ? `${details.size} ` : ""}sandbox store (${shop})`;
      return `${details.reconnected ? "Reconnected" : "Connected"} ${shop}${CONNECTED_BY[details.method ?? ""] ?? ""}`;
    case "store.token_replaced":
      return `Replaced the access token of ${shop}`;
    case "store.access_lost":
      return `Shopify stopped accepting the access token of ${shop}: the store needs a new token or re-authorisation`;
    case "store.settings_updated": {
      const { name, metafieldNamespace } = details.changes ?? {};
      const parts = [
        name ? `renamed it from “${name.from}” to “${name.to}”` : null,
        metafieldNamespace
          ? `changed its metafield namespace from “${metafieldNamespace.from}” to “${metafieldNamespace.to}”`
          : null,
      ].filter(Boolean);
      return parts.length > 0 ? `Updated ${shop}: ${parts.join(" and ")}` : `Updated the settings of ${shop}`;
    }
    case "store.disconnected":
      return details.reason === "app_uninstalled"
        ? `Disconnected ${shop}: the app was uninstalled in Shopify`
        : `Disconnected ${shop}`;
    case "store.customer_data_requested":
      return `Customer ${details.customerId ?? ""} of ${shop} asked for their data (privacy request)`;
    case "store.customer_redacted":
      return `Erased the data of customer ${details.customerId ?? ""} of ${shop} (privacy request)`;
    case "store.shop_redacted":
      return `Erased the data kept about ${shop} after it uninstalled the app (privacy request)`;
    default:
      return `${entry.action} (${shop})`;
  }
}

const TYPE_NAMES: Record<string, string> = { product: "products", customer: "customers", order: "orders" };

// Sync actions on a store (the target is its shop domain).
function describeSync(entry: AuditEntry): string {
  const shop = entry.target ?? "a store";
  const details = entry.details as { format?: string; types?: string[] };
  switch (entry.action) {
    case "sync.mappings_exported": {
      const types = details.types ?? [];
      const which =
        types.length === 0 || types.length === 3
          ? "the whole mapping"
          : `the mapping of ${listWords(types.map((type) => TYPE_NAMES[type] ?? type))}`;
      return `Exported ${which} of ${shop}${details.format ? ` as ${details.format.toUpperCase()}` : ""}`;
    }
    case "sync.index_refresh_requested":
      return `Started a refresh of the products, customers and orders of ${shop} from Shopify`;
    default:
      return `${entry.action} (${shop})`;
  }
}

const listWords = (words: string[]) =>
  words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

export function ActivityCard() {
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = useAuditLog(true);
  if (isPending) {
    return (
      <Card>
        <SkeletonBodyText lines={4} />
      </Card>
    );
  }
  if (error) {
    return (
      <Banner tone="critical" title="Could not load the activity">
        <p>{error.message}</p>
      </Banner>
    );
  }
  const entries = data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) {
    return (
      <Card>
        <Text as="p" tone="subdued">
          Nothing recorded yet.
        </Text>
      </Card>
    );
  }
  return (
    <Card padding="0">
      <ul aria-label="Organization activity" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {entries.map((entry, index) => (
          <li key={entry.id}>
            {index > 0 ? <Divider /> : null}
            <Box padding="300" paddingInline="400">
              <BlockStack gap="100">
                <Text as="p">{describe(entry)}</Text>
                <Text as="p" tone="subdued" variant="bodySm">
                  {entry.actorEmail ?? "Synco"} · {when.format(new Date(entry.at))}
                  {entry.ip ? ` · ${entry.ip}` : ""}
                </Text>
              </BlockStack>
            </Box>
          </li>
        ))}
      </ul>
      {hasNextPage ? (
        <>
          <Divider />
          <Box padding="300">
            <InlineStack align="center">
              <Button onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
                Load older activity
              </Button>
            </InlineStack>
          </Box>
        </>
      ) : null}
    </Card>
  );
}
