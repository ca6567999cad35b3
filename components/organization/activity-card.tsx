"use client";

import { Banner, BlockStack, Button, Card, IndexTable, InlineStack, SkeletonBodyText, Text } from "@shopify/polaris";
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
  return (
    <Card padding="0">
      <BlockStack>
        <IndexTable
          resourceName={{ singular: "event", plural: "events" }}
          itemCount={entries.length}
          selectable={false}
          emptyState={<Text as="p">Nothing recorded yet.</Text>}
          headings={[{ title: "When" }, { title: "Who" }, { title: "What" }]}
        >
          {entries.map((entry, index) => (
            <IndexTable.Row id={String(entry.id)} key={entry.id} position={index}>
              <IndexTable.Cell>{when.format(new Date(entry.at))}</IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span">{entry.actorEmail ?? "Synco"}</Text>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span">{describe(entry)}</Text>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
        {hasNextPage ? (
          <InlineStack align="center">
            <div style={{ padding: "var(--p-space-300)" }}>
              <Button onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
                Load older activity
              </Button>
            </div>
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
