"use client";

import { BlockStack } from "@shopify/polaris";
import { useActiveOperations } from "@/components/api/operations";
import { OperationRunCard } from "./operation-run-card";

/** The store's runs under way, live: every page of the store shows them, so a reload or another tab sees the same run. */
export function ActiveOperations({ storeId, canManage }: { storeId: string; canManage: boolean }) {
  const { data: runs = [] } = useActiveOperations(storeId);
  if (runs.length === 0) return null;
  return (
    <BlockStack gap="300">
      {runs.map((run) => (
        <OperationRunCard key={run.id} run={run} canManage={canManage} />
      ))}
    </BlockStack>
  );
}
