"use client";

import { BlockStack, Box, Button, Card, Divider, InlineStack, SkeletonBodyText, Text } from "@shopify/polaris";
import { useAuditLog } from "@/components/api/organizations";
import { ErrorBanner } from "@/components/ui/error-banner";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

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
    return <ErrorBanner title="Could not load the activity" error={error} />;
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
                <Text as="p">{describeAuditEvent(entry)}</Text>
                <Text as="p" tone="subdued" variant="bodySm">
                  {entry.actorEmail ?? "Synco"} · {when.format(new Date(entry.at))}
                  {entry.ip ? ` · ${entry.ip}` : ""}
                </Text>
              </BlockStack>
            </Box>
          </li>
        ))}
      </ul>
      <Divider />
      <Box padding="300">
        <InlineStack align="center" gap="300">
          {hasNextPage ? (
            <Button onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
              Load older activity
            </Button>
          ) : null}
          <Button variant="plain" url="/audit">
            Open the audit log (every store, filters, CSV)
          </Button>
        </InlineStack>
      </Box>
    </Card>
  );
}
