"use client";

import { BlockStack, InlineStack, Spinner, Text } from "@shopify/polaris";
import type { OperationRun } from "@/components/api/operations";
import { OPERATION_KIND_TITLE } from "@/lib/vocabulary/operations";
import { currentFigure } from "./operation-words";

/** A store's runs under way in a line or two each (the stores list). */
export function OperationSummary({ runs }: { runs: OperationRun[] }) {
  if (runs.length === 0)
    return (
      <Text as="span" tone="subdued">
        Idle
      </Text>
    );
  return (
    <BlockStack gap="100">
      {runs.map((run) => {
        const figure = currentFigure(run);
        return (
          <div key={run.id} data-testid="store-operation" data-kind={run.kind} aria-live="polite">
            <InlineStack gap="150" blockAlign="center" wrap={false}>
              <Spinner size="small" accessibilityLabel="In progress" />
              <Text as="span">
                {run.status === "queued"
                  ? `${OPERATION_KIND_TITLE[run.kind].active} (waiting)`
                  : OPERATION_KIND_TITLE[run.kind].active}
              </Text>
            </InlineStack>
            {figure && run.status === "running" ? (
              <Text as="p" variant="bodySm" tone="subdued">
                {figure}
              </Text>
            ) : null}
          </div>
        );
      })}
    </BlockStack>
  );
}
