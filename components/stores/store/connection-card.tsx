"use client";

import { Banner, BlockStack, Card, Link, Text } from "@shopify/polaris";
import { useReauthorizeStore, type SandboxSizes, type Store } from "@/components/api/stores";
import { SANDBOX_SIZE_LABEL } from "@/lib/vocabulary/stores";
import { formatDateTime, timeAgo } from "../format-time";
import { describeContents } from "../sandbox-contents";
import { CONNECTION_METHOD } from "./connection-method";
import { DetailList } from "./detail-list";
import { TokenAttentionBanner } from "./token-attention-banner";

export function ConnectionCard({ store, sizes, canManage }: { store: Store; sizes: SandboxSizes; canManage: boolean }) {
  const details = [
    {
      label: "Shop domain",
      value:
        store.kind === "shopify" ? (
          <Link url={`https://${store.shopDomain}/admin`} external>
            {store.shopDomain}
          </Link>
        ) : (
          store.shopDomain
        ),
    },
    {
      label: "Type",
      value: store.sandboxSize
        ? `Sandbox, ${SANDBOX_SIZE_LABEL[store.sandboxSize].toLowerCase()}: ${describeContents(sizes[store.sandboxSize])}`
        : "Live Shopify store",
    },
    ...(store.kind === "shopify" ? [{ label: "Connection", value: CONNECTION_METHOD[store.connectionMethod] }] : []),
    { label: "Admin API version", value: store.apiVersion },
    store.status === "disconnected" && store.disconnectedAt
      ? { label: "Disconnected", value: formatDateTime(store.disconnectedAt) }
      : { label: "Connected since", value: store.connectedAt ? formatDateTime(store.connectedAt) : "Not connected" },
    { label: "Last activity", value: store.lastActivityAt ? timeAgo(store.lastActivityAt) : "No activity yet" },
  ];
  return (
    <Card>
      <BlockStack gap="400">
        {store.status === "needs_reauth" ? (
          store.connectionMethod === "token" ? (
            <TokenAttentionBanner store={store} canManage={canManage} />
          ) : (
            <ReauthorizeBanner store={store} canManage={canManage} />
          )
        ) : null}
        <DetailList items={details} />
      </BlockStack>
    </Card>
  );
}

/** Shopify access expired or no longer covers the scopes Synco needs: the merchant approves again. */
function ReauthorizeBanner({ store, canManage }: { store: Store; canManage: boolean }) {
  const reauthorize = useReauthorizeStore(store.id, {
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
  });
  return (
    <Banner
      tone="warning"
      title="Synco needs to be re-authorised"
      action={
        canManage
          ? {
              content: "Re-authorise in Shopify",
              onAction: () => reauthorize.mutate(),
              loading: reauthorize.isPending || reauthorize.isSuccess,
            }
          : undefined
      }
    >
      <BlockStack gap="200">
        <p>
          Synco&apos;s access to this store has expired, or no longer covers everything Synco needs. Synco cannot read
          or write the store until {canManage ? "you approve" : "an owner or admin approves"} its access again in
          Shopify.
        </p>
        {reauthorize.error ? (
          <Text as="p" tone="critical">
            {reauthorize.error.message}
          </Text>
        ) : null}
      </BlockStack>
    </Banner>
  );
}
