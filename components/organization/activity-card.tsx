"use client";

import { Banner, BlockStack, Box, Button, Card, Divider, InlineStack, SkeletonBodyText, Text } from "@shopify/polaris";
import { useAuditLog, type AuditEntry } from "@/components/api/queries";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

// What each recorded action means, in the words of the settings page.
function describe(entry: AuditEntry): string {
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
