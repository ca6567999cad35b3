"use client";

import { Badge, Banner, BlockStack, Divider, Text, type BadgeProps } from "@shopify/polaris";
import type { ReactNode } from "react";
import type { Store } from "@/components/api/stores";
import type { SyncItemDetail } from "@/components/api/sync";
import { formatDateTime } from "@/components/stores/format-time";
import { DetailList } from "@/components/stores/store/detail-list";
import { TimeAgo } from "../format";
import { RESOURCES } from "../resource-types";

type Mapping = NonNullable<SyncItemDetail["mapping"]>;

/** The item's mapping (Odoo ids, last attempt, error), its Shopify metafield copy, and the item as Shopify knows it. */
export function SyncItemDetails({ item, store }: { item: SyncItemDetail; store: Store }) {
  const { mapping } = item;
  const words = RESOURCES[item.type];
  return (
    <BlockStack gap="500">
      {mapping?.mirror.state === "failed" ? (
        <Banner tone="warning" title="Shopify refused this mapping">
          <p style={{ overflowWrap: "anywhere" }}>
            {mapping.mirror.error ?? "Shopify did not say why."}{" "}
            {item.shopifyUpdatedAt === null
              ? `The ${words.singular} is no longer in Shopify.`
              : "Synco tries again the next time the mapping changes."}
          </p>
        </Banner>
      ) : null}
      {mapping?.status === "failed" ? (
        <Banner tone="critical" title="The last sync failed">
          <p style={{ overflowWrap: "anywhere" }}>{mapping.lastError ?? "Odoo did not say why."}</p>
        </Banner>
      ) : null}
      <Section title="Odoo">
        {mapping ? (
          <DetailList items={odooDetails(mapping, item.type === "order")} />
        ) : (
          <Text as="p" tone="subdued">
            Synco has no mapping for this {words.singular}: it has not been synced to Odoo.
          </Text>
        )}
      </Section>
      {mapping ? (
        <Section title="Shopify metafield">
          <DetailList items={mirrorDetails(mapping, store.metafieldNamespace)} />
        </Section>
      ) : null}
      <Section title="Shopify">
        <DetailList items={shopifyDetails(item)} />
      </Section>
    </BlockStack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      {children}
      <Divider />
    </BlockStack>
  );
}

const when = (iso: string | null) => (iso ? <TimeAgo iso={iso} /> : "—");

function odooDetails(mapping: Mapping, order: boolean) {
  return [
    { label: "Odoo ID", value: mapping.odooId === null ? "—" : String(mapping.odooId) },
    ...(order
      ? [{ label: "Invoice ID", value: mapping.odooInvoiceId === null ? "No invoice" : String(mapping.odooInvoiceId) }]
      : []),
    { label: mapping.status === "failed" ? "Last attempt" : "Synced", value: when(mapping.syncedAt) },
    { label: "Mapped since", value: formatDateTime(mapping.createdAt) },
    { label: "Mapping changed", value: formatDateTime(mapping.updatedAt) },
  ];
}

const MIRROR: Record<
  Mapping["mirror"]["state"],
  { label: string; tone?: BadgeProps["tone"]; progress: BadgeProps["progress"] }
> = {
  done: { label: "Written", tone: "success", progress: "complete" },
  pending: { label: "Waiting to be written", tone: "attention", progress: "partiallyComplete" },
  failed: { label: "Refused by Shopify", tone: "critical", progress: "incomplete" },
};

function mirrorDetails(mapping: Mapping, namespace: string) {
  const state = MIRROR[mapping.mirror.state];
  return [
    { label: "Metafield", value: <Text as="span" fontWeight="medium">{`${namespace}.sync`}</Text> },
    {
      label: "State",
      value: (
        <Badge tone={state.tone} progress={state.progress} toneAndProgressLabelOverride="Metafield state:">
          {state.label}
        </Badge>
      ),
    },
    ...(mapping.mirror.mirroredAt ? [{ label: "Written", value: when(mapping.mirror.mirroredAt) }] : []),
    ...(mapping.mirror.error
      ? [
          {
            label: "Shopify said",
            value: (
              <Text as="span" tone="critical" breakWord>
                {mapping.mirror.error}
              </Text>
            ),
          },
        ]
      : []),
  ];
}

function shopifyDetails(item: SyncItemDetail) {
  return [
    ...(item.type === "order" && item.orderName ? [{ label: "Order", value: item.orderName }] : []),
    ...(item.email ? [{ label: item.type === "order" ? "Customer email" : "Email", value: item.email }] : []),
    ...(item.type === "product"
      ? [
          {
            label: item.skus.length === 1 ? "SKU" : "SKUs",
            value: item.skus.length > 0 ? item.skus.join(", ") : "No SKUs",
          },
        ]
      : []),
    { label: "Shopify ID", value: item.shopifyId },
    {
      label: "GID",
      value: (
        <Text as="span" breakWord>
          <code>{item.gid}</code>
        </Text>
      ),
    },
    {
      label: "Updated in Shopify",
      value: item.shopifyUpdatedAt ? formatDateTime(item.shopifyUpdatedAt) : "No longer in Shopify",
    },
  ];
}
