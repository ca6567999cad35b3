// Runs a bulk mutation in the background: the uploaded JSONL is read line by line from the file
// store, the mutation runs once per line with that line as its variables, and each line's result
// becomes one output line `{"data":…,"__lineNumber":n}` (with "errors" first when there are any).
// Lines run in batches, each batch in one transaction with its output chunk and checkpoint, every
// line in its own savepoint: a restarted operation neither skips nor repeats a committed line.
import { execute, getVariableValues, type GraphQLError } from "graphql";
import type { SandboxAppInstallation, SandboxShop } from "@/db/schema/sandbox-shopify";
import type { SandboxBulkOperation } from "@/db/schema/sandbox-shopify-bulk";
import { readSandboxFileLines } from "../files/sandbox-file-store";
import { sandboxSchema } from "../graphql/build-sandbox-schema";
import { createSandboxContext } from "../graphql/context";
import { variableErrorBody, type ErrorBody } from "../graphql/format-errors";
import type { SandboxDb } from "../sandbox-db";
import { planBulkMutation, type BulkMutationPlan } from "./bulk-mutation-plan";
import { commitBulkProgress } from "./bulk-progress";

/** LOST: the operation is left to another process (lease lost, or this one is stopping). */
export type BulkRunOutcome = { status: "COMPLETED" | "CANCELED" | "LOST" } | { status: "FAILED"; errorCode: string };

const LINES_PER_BATCH = 100;

export type ImportBulkMutationOptions = {
  db: SandboxDb;
  operation: SandboxBulkOperation;
  shop: SandboxShop;
  installation: SandboxAppInstallation;
  owner: string;
  stopping?: () => boolean;
  chunkDelayMs?: number;
};

export async function importBulkMutation({
  db,
  operation,
  shop,
  installation,
  owner,
  stopping = () => false,
  chunkDelayMs = 0,
}: ImportBulkMutationOptions): Promise<BulkRunOutcome> {
  const planned = planBulkMutation(operation.query);
  if ("problem" in planned || !operation.inputFileId) return { status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR" };
  const start = operation.checkpoint?.nextLine ?? 0;
  let done = operation.objectCount;
  let batch: { number: number; text: string }[] = [];

  const commit = async (nextLine: number): Promise<BulkRunOutcome | null> => {
    const budget = operation.failAfterObjects === null ? Infinity : operation.failAfterObjects - done;
    const lines = batch.slice(0, Math.max(0, budget));
    const failing = lines.length < batch.length;
    if (chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, chunkDelayMs));
    const status = await db
      .transaction(async (tx) => {
        const output: string[] = [];
        for (const line of lines)
          output.push(
            JSON.stringify(await runLine(tx, planned.plan, line, { shop, installation, publicUrl: operation.baseUrl })),
          );
        const data = Buffer.from(output.length ? `${output.join("\n")}\n` : "");
        const checkpoint = { nextLine: failing ? (lines.at(-1)?.number ?? start - 1) + 1 : nextLine };
        const committed = await commitBulkProgress(tx, operation, owner, {
          data,
          objects: lines.length,
          roots: lines.length,
          checkpoint,
        });
        // Another process holds the operation now: none of this batch may stay.
        if (committed === null) throw new LeaseLost();
        return committed;
      })
      .catch((error: unknown) => {
        if (error instanceof LeaseLost) return null;
        throw error;
      });
    done += lines.length;
    batch = [];
    if (status === null) return { status: "LOST" };
    if (failing) return { status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR" };
    if (status === "CANCELING") return { status: "CANCELED" };
    // This process is shutting down: the checkpoint is committed, another process carries on.
    if (stopping()) return { status: "LOST" };
    return null;
  };

  for await (const line of readSandboxFileLines({ db, fileId: operation.inputFileId })) {
    if (line.number < start || !line.text.trim()) continue;
    batch.push(line);
    if (batch.length >= LINES_PER_BATCH) {
      const ended = await commit(line.number + 1);
      if (ended) return ended;
    }
  }
  return (await commit(Number.MAX_SAFE_INTEGER)) ?? { status: "COMPLETED" };
}

type LineContext = { shop: SandboxShop; installation: SandboxAppInstallation; publicUrl: string };

async function runLine(
  tx: SandboxDb,
  plan: BulkMutationPlan,
  line: { number: number; text: string },
  options: LineContext,
): Promise<Record<string, unknown>> {
  const at = { __lineNumber: line.number };
  let variables: unknown;
  try {
    variables = JSON.parse(line.text);
  } catch (error) {
    return { errors: [{ message: `Invalid JSON on line ${line.number}: ${(error as Error).message}` }], ...at };
  }
  if (typeof variables !== "object" || variables === null || Array.isArray(variables)) {
    return { errors: [{ message: `Line ${line.number} must be a JSON object of the mutation's variables.` }], ...at };
  }
  const schema = sandboxSchema();
  const coerced = getVariableValues(
    schema,
    plan.operation.variableDefinitions ?? [],
    variables as Record<string, unknown>,
  );
  if (coerced.errors)
    return {
      errors: coerced.errors.map((error) =>
        variableErrorBody(error, plan.operation, variables as Record<string, unknown>),
      ),
      ...at,
    };

  // A line that errors is rolled back to its savepoint, so it leaves nothing half written.
  try {
    return await tx.transaction(async (savepoint) => {
      const context = createSandboxContext({ db: savepoint, ...options });
      const result = await execute({
        schema,
        document: plan.document,
        variableValues: variables as Record<string, unknown>,
        contextValue: context,
      });
      const line = {
        ...(result.errors?.length ? { errors: result.errors.map((error) => error.toJSON() as ErrorBody) } : {}),
        data: result.data ?? null,
        ...at,
      };
      if (result.errors?.length) throw new RolledBack(line);
      return line;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.line;
    return { errors: [{ message: (error as GraphQLError).message ?? "Internal error" }], data: null, ...at };
  }
}

class LeaseLost extends Error {}

class RolledBack extends Error {
  constructor(readonly line: Record<string, unknown>) {
    super("line rolled back");
  }
}
