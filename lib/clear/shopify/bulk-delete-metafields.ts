// The same metafieldsDelete as a bulk mutation: the identifiers as JSONL lines of 250, uploaded
// (stagedUploadsCreate) and run in the background (bulkOperationRunMutation), which spends no rate
// budget. A resumed run that saved the operation's id waits for it instead of starting another.
// Each result line says what was deleted, refused, or not run (a line that failed as a whole, or
// a shop that refuses 250 at once): those go to the caller to delete by calls. An operation that
// ends in anything but COMPLETED is reported with what it did (its partial results) and the rest
// not run: the caller falls back to calls for what is left.
import { waitForBulkOperations, type BulkOperationView } from "@/lib/shopify/bulk/bulk-operation";
import { readBulkMutationResults, submitBulkMutation } from "@/lib/shopify/bulk/run-bulk-mutation";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import type { ShopifyUserError } from "@/lib/shopify/client/errors";
import { METAFIELDS_DELETE, METAFIELDS_DELETE_BATCH, type MetafieldIdentifier } from "./delete-metafields";

export type BulkDeleteOutcome = {
  /** The operation ended other than COMPLETED: what it did is counted, the rest is `notRun`. */
  failed: BulkOperationView | null;
  deleted: number;
  refused: { identifier: MetafieldIdentifier; message: string }[];
  notRun: MetafieldIdentifier[];
};

export const bulkLines = (identifiers: MetafieldIdentifier[]) => {
  const lines: { metafields: MetafieldIdentifier[] }[] = [];
  for (let start = 0; start < identifiers.length; start += METAFIELDS_DELETE_BATCH)
    lines.push({ metafields: identifiers.slice(start, start + METAFIELDS_DELETE_BATCH) });
  return lines;
};

export async function submitBulkDelete(
  client: ShopifyClient,
  identifiers: MetafieldIdentifier[],
  signal?: AbortSignal,
): Promise<string> {
  return submitBulkMutation(client, METAFIELDS_DELETE, bulkLines(identifiers), { signal });
}

export async function awaitBulkDelete({
  client,
  operationId,
  identifiers,
  signal,
  onStatus,
}: {
  client: ShopifyClient;
  operationId: string;
  /** The identifiers submitted, in the same order (lines of 250). */
  identifiers: MetafieldIdentifier[];
  signal?: AbortSignal;
  onStatus?: (operation: BulkOperationView) => Promise<void> | void;
}): Promise<BulkDeleteOutcome> {
  const [operation] = await waitForBulkOperations(client, [operationId], {
    signal,
    onStatus,
    firstPollMs: 500,
    maxPollMs: 10_000,
  });
  const failed = operation!.status === "COMPLETED" ? null : operation!;
  const lines = bulkLines(identifiers);
  const outcome: BulkDeleteOutcome = { failed, deleted: 0, refused: [], notRun: [] };
  const answered = new Set<number>();
  // A failed operation's partial results say which lines ran before it stopped.
  const url = failed ? failed.partialDataUrl : operation!.url;
  if (url)
    for await (const line of readBulkMutationResults(url, { signal })) {
      const chunk = lines[line.lineNumber]?.metafields;
      if (!chunk || answered.has(line.lineNumber)) continue;
      answered.add(line.lineNumber);
      const payload = line.data?.metafieldsDelete as
        { deletedMetafields: (MetafieldIdentifier | null)[] | null; userErrors: ShopifyUserError[] } | null | undefined;
      if (line.errors.length || !payload) {
        outcome.notRun.push(...chunk);
        continue;
      }
      outcome.deleted += (payload.deletedMetafields ?? []).filter(Boolean).length;
      if (payload.userErrors.length === 0) continue;
      const byElement = new Map<number, string>();
      for (const error of payload.userErrors) {
        const [list, index] = error.field ?? [];
        if (list === "metafields" && index !== undefined && /^\d+$/.test(index))
          byElement.set(Number(index), error.message);
      }
      // An error about the line as a whole (a shop's lower limit): delete these by calls instead.
      if (byElement.size === 0) {
        outcome.notRun.push(...chunk);
        continue;
      }
      chunk.forEach((identifier, index) => {
        const message = byElement.get(index);
        if (message !== undefined) outcome.refused.push({ identifier, message });
      });
    }
  lines.forEach((line, index) => {
    if (!answered.has(index)) outcome.notRun.push(...line.metafields);
  });
  return outcome;
}
