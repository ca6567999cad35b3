"use client";

import {
  Banner,
  BlockStack,
  Checkbox,
  InlineStack,
  Link,
  List,
  SkeletonBodyText,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { ApiError } from "@/components/api/api-fetch";
import { useClearPreview, useStartClear } from "@/components/api/clear";
import type { Store } from "@/components/api/stores";
import { syncExportUrl } from "@/components/api/sync";
import { formatCount } from "@/components/sync/format";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { CLEAR_REAUTH_ERROR_CODE } from "@/lib/clear/schemas";
import { CLEAR_STRATEGY_LABEL } from "@/lib/vocabulary/clear";
import { RESOURCE_TYPE_LABEL, RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";

const WHAT_GOES: Record<ResourceType, string> = {
  order: "sync status, Odoo order ID and Odoo invoice ID",
  product: "sync status and the Odoo product each is linked to",
  customer: "sync status and the Odoo contact each is linked to",
};

type Props = { store: Store; open: boolean; onClose: () => void; onStarted: (runId: string) => void };

/**
 * The confirmation of a clear: what it would delete per type (asked of the server as the scope
 * changes), the mapping export to take first, the orders Shopify will not show Synco, the shop
 * domain to type, and the password when the session is old. Mounted per opening: its
 * Idempotency-Key is made once, so a double click, or a retry after a lost answer, is one run.
 */
export function ClearModal({ store, open, onClose, onStarted }: Props) {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [scope, setScope] = useState<ResourceType[]>([...RESOURCE_TYPES]);
  const [password, setPassword] = useState("");
  const preview = useClearPreview(store.id, scope, open);
  const start = useStartClear(store.id);
  const data = preview.data;
  const needsPassword =
    (data?.passwordRequired ?? false) ||
    (start.error instanceof ApiError && start.error.code === CLEAR_REAUTH_ERROR_CODE);
  const toggle = (type: ResourceType, checked: boolean) => {
    const next = checked ? [...scope, type] : scope.filter((other) => other !== type);
    setScope(RESOURCE_TYPES.filter((candidate) => next.includes(candidate)));
  };
  const total = data ? data.types.reduce((sum, type) => sum + type.mappedItems, 0) : null;

  return (
    <ConfirmModal
      open={open}
      size="large"
      title={`Clear Synco data of ${store.name}?`}
      confirmLabel="Clear Synco Data"
      destructive
      loading={start.isPending}
      disabled={!data || scope.length === 0 || (needsPassword && password === "") || data.activeRunId !== null}
      error={start.error}
      errorTitle="The clear did not start"
      confirmText={{
        value: store.shopDomain,
        label: `Type ${store.shopDomain} to confirm`,
        helpText: "The button stays disabled until the domain matches.",
      }}
      onConfirm={(typed) =>
        start.mutate(
          { scope, confirmation: typed, password: needsPassword ? password : undefined, idempotencyKey },
          { onSuccess: ({ run }) => onStarted(run.id) },
        )
      }
      onClose={onClose}
    >
      <Banner tone="critical" title="This cannot be undone">
        <p>
          The sync status and Odoo links of the items you choose are deleted for good, in Shopify and in Synco. Odoo is
          not touched: its records stay exactly as they are.
        </p>
      </Banner>
      <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
        <legend>
          <Text as="span" variant="headingSm">
            What to clear
          </Text>
        </legend>
        <BlockStack gap="100">
          {RESOURCE_TYPES.map((type) => {
            const counts = data?.types.find((entry) => entry.type === type);
            return (
              <Checkbox
                key={type}
                label={`${RESOURCE_TYPE_LABEL[type].title}${counts ? ` — ${formatCount(counts.mappedItems)} mapped` : ""}`}
                helpText={WHAT_GOES[type]}
                checked={scope.includes(type)}
                onChange={(checked) => toggle(type, checked)}
                disabled={start.isPending}
              />
            );
          })}
        </BlockStack>
      </fieldset>
      {scope.length === 0 ? (
        <Text as="p" tone="critical">
          Choose at least one type to clear.
        </Text>
      ) : preview.error ? (
        <Banner tone="critical" title="Could not work out what would be deleted">
          <p>{preview.error.message}</p>
        </Banner>
      ) : !data ? (
        <SkeletonBodyText lines={3} />
      ) : (
        <BlockStack gap="200">
          <Text as="p" aria-live="polite">
            {formatCount(total ?? 0)} items will show as Not synced. Synco deletes their sync metafields in Shopify (
            {listNamespaces(data.namespaces)}
            {data.legacyKeys.length > 0 ? `, and the keys of earlier installs: ${data.legacyKeys.join(", ")}` : ""}) and
            their mappings here. {CLEAR_STRATEGY_LABEL[data.strategy]}; about {estimate(data.estimatedSeconds)}.
          </Text>
          {data.activeRunId ? (
            <Banner tone="warning" title="A clear or sync is already under way on this store">
              <p>Wait for it to finish: its progress is on this page.</p>
            </Banner>
          ) : null}
          {data.unreachableOrders ? (
            <Banner tone="warning" title="Some orders are out of Synco's reach in Shopify">
              <p>{data.unreachableOrders.reason}</p>
              <List>
                <List.Item>
                  {formatCount(data.unreachableOrders.count + data.unreachableOrders.undated)} mapped orders placed
                  before {new Date(data.unreachableOrders.before).toLocaleDateString("en")} cannot be seen without the{" "}
                  <code>{data.unreachableOrders.missingScope}</code> access scope: their mapping is deleted here, but
                  their metafields stay in Shopify.
                </List.Item>
              </List>
            </Banner>
          ) : null}
        </BlockStack>
      )}
      <InlineStack gap="200" blockAlign="center">
        <Text as="span">Want a copy first?</Text>
        {/* A plain link: the download is recorded in the audit log, so nothing may fetch it ahead of a click. */}
        <Link url={syncExportUrl(store.id, "csv")} external={false} removeUnderline={false}>
          Download the mapping (CSV)
        </Link>
      </InlineStack>
      {needsPassword ? (
        <TextField
          label="Your password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          helpText="You signed in a while ago: confirm it is you."
          disabled={start.isPending}
        />
      ) : null}
    </ConfirmModal>
  );
}

function listNamespaces({ current, previous }: { current: string; previous: string[] }): string {
  return previous.length > 0 ? `namespaces ${[current, ...previous].join(", ")}` : `namespace ${current}`;
}

function estimate(seconds: number): string {
  if (seconds < 60) return "under a minute";
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}
