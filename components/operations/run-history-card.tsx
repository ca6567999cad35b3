"use client";

import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  IndexTable,
  InlineStack,
  Select,
  Text,
  useBreakpoints,
} from "@shopify/polaris";
import { useState } from "react";
import { useRunHistory, type OperationRun } from "@/components/api/operations";
import { formatDateTime, timeAgo } from "@/components/stores/format-time";
import { ErrorBanner } from "@/components/ui/error-banner";
import { OPERATION_KIND_LABEL, OPERATION_KINDS, type OperationKind } from "@/lib/vocabulary/operations";
import { RUN_OUTCOME, runCountWords, runDuration, runScopeWords, runStartedBy } from "./run-words";

const KIND_OPTIONS = [
  { label: "All kinds of work", value: "" },
  ...OPERATION_KINDS.map((kind) => ({ label: OPERATION_KIND_LABEL[kind], value: kind })),
];

/** The store's finished runs: who, when, what, how much, how long, and how each ended. */
export function RunHistoryCard({ storeId }: { storeId: string }) {
  const [kind, setKind] = useState<OperationKind | "">("");
  const history = useRunHistory(storeId, kind || null);
  const { smDown: condensed } = useBreakpoints();
  const runs = history.data?.pages.flatMap((page) => page.history) ?? [];

  return (
    <Card padding="0">
      <Box padding="400">
        <Select
          label="Show"
          labelInline
          options={KIND_OPTIONS}
          value={kind}
          onChange={(value) => setKind(value as OperationKind | "")}
        />
      </Box>
      {history.error ? (
        <Box padding="400">
          <ErrorBanner title="Could not load the history" error={history.error} />
        </Box>
      ) : (
        <IndexTable
          condensed={condensed}
          resourceName={{ singular: "run", plural: "runs" }}
          itemCount={runs.length}
          selectable={false}
          loading={history.isPending}
          headings={[
            { title: "Started" },
            { title: "Work" },
            { title: "By" },
            { title: "Items" },
            { title: "Duration", alignment: "end" },
            { title: "Outcome" },
          ]}
          emptyState={
            <Box padding="600">
              <Text as="p" alignment="center" tone="subdued">
                {history.isPending ? "Loading…" : "Nothing has run on this store yet."}
              </Text>
            </Box>
          }
        >
          {runs.map((run, index) => (
            <IndexTable.Row id={run.id} key={run.id} position={index}>
              {condensed ? <CondensedRun run={run} /> : <RunCells run={run} />}
            </IndexTable.Row>
          ))}
        </IndexTable>
      )}
      {history.hasNextPage ? (
        <Box padding="300">
          <InlineStack align="center">
            <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
              Show older runs
            </Button>
          </InlineStack>
        </Box>
      ) : null}
    </Card>
  );
}

function RunCells({ run }: { run: OperationRun }) {
  const scope = runScopeWords(run);
  return (
    <>
      <IndexTable.Cell>
        <Started run={run} />
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span">{OPERATION_KIND_LABEL[run.kind]}</Text>
        {scope ? (
          <Text as="p" variant="bodySm" tone="subdued">
            {scope}
          </Text>
        ) : null}
      </IndexTable.Cell>
      <IndexTable.Cell>{runStartedBy(run)}</IndexTable.Cell>
      <IndexTable.Cell>
        <div style={{ whiteSpace: "normal", minWidth: "12rem" }}>
          <Text as="span">{runCountWords(run) || "—"}</Text>
        </div>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end">
          {runDuration(run) ?? "—"}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Outcome run={run} />
      </IndexTable.Cell>
    </>
  );
}

function CondensedRun({ run }: { run: OperationRun }) {
  const scope = runScopeWords(run);
  const duration = runDuration(run);
  return (
    <Box padding="300" paddingInline="400" width="100%">
      <BlockStack gap="100">
        <InlineStack gap="200" blockAlign="center">
          <Text as="span" fontWeight="semibold">
            {OPERATION_KIND_LABEL[run.kind]}
          </Text>
          <Outcome run={run} />
        </InlineStack>
        {scope ? <Text as="p">{scope}</Text> : null}
        <Text as="p" variant="bodySm">
          {runCountWords(run)}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          <Started run={run} /> · {runStartedBy(run)}
          {duration ? ` · ${duration}` : ""}
        </Text>
      </BlockStack>
    </Box>
  );
}

function Started({ run }: { run: OperationRun }) {
  const at = run.startedAt ?? run.createdAt;
  return (
    <time dateTime={at} title={timeAgo(at)}>
      {formatDateTime(at)}
    </time>
  );
}

// The outcome in words (the colour only repeats it), with the reason of a failure.
function Outcome({ run }: { run: OperationRun }) {
  const { label, tone } = RUN_OUTCOME[run.status];
  return (
    <BlockStack gap="050">
      <span>
        <Badge tone={tone}>{label}</Badge>
      </span>
      {run.status === "failed" && run.error ? (
        <Text as="p" variant="bodySm" tone="critical">
          {run.error}
        </Text>
      ) : null}
    </BlockStack>
  );
}
