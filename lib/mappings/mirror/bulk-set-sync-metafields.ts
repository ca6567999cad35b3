// Large mirrors go through one bulk mutation instead of hundreds of metafieldsSet calls: Shopify
// runs it in the background, outside the request rate budget. Each JSONL line sets 25 metafields;
// each result line tells whether those 25 were written, refused (per element), or not run at all
// (left pending for the next round).
import { runBulkMutation } from "@/lib/shopify/bulk/run-bulk-mutation";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import {
  METAFIELDS_SET,
  METAFIELDS_SET_LIMIT,
  userErrorElement,
  type MetafieldsSetUserError,
  type SetOutcome,
} from "./set-sync-metafields";
import { syncMetafieldInput, type MirroredMapping } from "./sync-metafield";

export type BulkSetOutcome<R> = SetOutcome<R> & { notRun: R[] };

export async function bulkSetSyncMetafields<R extends MirroredMapping>({
  client,
  rows,
  namespace,
}: {
  client: ShopifyClient;
  rows: R[];
  namespace: string;
}): Promise<BulkSetOutcome<R>> {
  const chunks: R[][] = [];
  for (let start = 0; start < rows.length; start += METAFIELDS_SET_LIMIT)
    chunks.push(rows.slice(start, start + METAFIELDS_SET_LIMIT));
  const outcome: BulkSetOutcome<R> = { written: [], refused: [], notRun: [], calls: 0 };
  const answered = new Set<number>();
  const lines = chunks.map((chunk) => ({ metafields: chunk.map((row) => syncMetafieldInput(row, namespace)) }));
  for await (const line of runBulkMutation(client, METAFIELDS_SET, lines)) {
    const chunk = chunks[line.lineNumber];
    if (!chunk || answered.has(line.lineNumber)) continue;
    answered.add(line.lineNumber);
    const userErrors = ((line.data?.metafieldsSet as { userErrors?: MetafieldsSetUserError[] } | null | undefined)
      ?.userErrors ?? null) as MetafieldsSetUserError[] | null;
    if (line.errors.length || userErrors === null) {
      outcome.notRun.push(...chunk);
      continue;
    }
    const byElement = new Map<number, string>();
    for (const error of userErrors) {
      const index = userErrorElement(error);
      if (index !== null) byElement.set(index, error.message);
    }
    // Errors not tied to an element, or the untouched rest of a refused line: another round, one by one.
    if (userErrors.length && (byElement.size === 0 || userErrors.some((error) => userErrorElement(error) === null))) {
      outcome.notRun.push(...chunk);
      continue;
    }
    chunk.forEach((row, index) => {
      const message = byElement.get(index);
      if (message !== undefined) outcome.refused.push({ row, message });
      else if (byElement.size) outcome.notRun.push(row);
      else outcome.written.push(row);
    });
  }
  chunks.forEach((chunk, index) => {
    if (!answered.has(index)) outcome.notRun.push(...chunk);
  });
  return outcome;
}
