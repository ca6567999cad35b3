"use client";

import { BlockStack } from "@shopify/polaris";
import { useActiveOperations } from "@/components/api/operations";
import { ExclusiveRunBanner } from "./exclusive-run-banner";
import { OperationRunCard } from "./operation-run-card";

type Props = {
  storeId: string;
  canManage: boolean;
  /**
   * Where a clear or sync under way is followed: a banner leads there from the store's other pages;
   * null on that page itself, which shows the run its own way.
   */
  exclusiveRunHref: string | null;
};

/** The store's runs under way, live: every page of the store shows them, so a reload or another tab sees the same run. */
export function ActiveOperations({ storeId, canManage, exclusiveRunHref }: Props) {
  const { data: runs = [] } = useActiveOperations(storeId);
  if (runs.length === 0) return null;
  return (
    <BlockStack gap="300">
      {runs.map((run) =>
        !run.exclusive ? (
          <OperationRunCard key={run.id} run={run} canManage={canManage} />
        ) : exclusiveRunHref ? (
          <ExclusiveRunBanner key={run.id} run={run} href={exclusiveRunHref} />
        ) : null,
      )}
    </BlockStack>
  );
}
