// Test helpers for operations: a store with a run to drive, the run's rows, and a stream opened on
// a route in-process (real Request, real wrapper, a real AbortSignal for the client leaving).
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { operationEvents, operationRuns } from "@/db/schema/operations";
import { getBoss } from "@/lib/jobs/boss";
import type { TStoreView } from "@/lib/stores/schemas";
import { addSandboxStoreAs } from "@/lib/stores/testing/store-helpers";
import type { TestUser } from "@/lib/testing/accounts";
import { SseReader } from "./sse-client";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A small sandbox store and the index refresh that adding it queued — with its job removed, so the test drives it. */
export async function storeWithQueuedRun(owner: TestUser): Promise<{ store: TStoreView; runId: string }> {
  const store = await addSandboxStoreAs(owner, "small");
  const [run] = await db
    .select()
    .from(operationRuns)
    .where(and(eq(operationRuns.storeId, store.id), eq(operationRuns.kind, "index_refresh")));
  if (!run) throw new Error("adding a sandbox store queued no refresh");
  if (run.jobName && run.jobId) await (await getBoss()).deleteJob(run.jobName, run.jobId);
  return { store, runId: run.id };
}

export async function runRow(runId: string) {
  const [run] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
  return run!;
}

export const eventRows = (runId: string) =>
  db.select().from(operationEvents).where(eq(operationEvents.runId, runId)).orderBy(asc(operationEvents.seq));

export type OpenStream = {
  status: number;
  request: Request;
  response: Response;
  reader: SseReader | null;
  close: () => void;
};

/** Calls a stream route as a browser would; `close()` is the browser leaving. */
export async function openStream(
  handler: Handler,
  user: TestUser,
  params: Record<string, string>,
  { lastEventId, query = "" }: { lastEventId?: number | string; query?: string } = {},
): Promise<OpenStream> {
  const controller = new AbortController();
  const headers = new Headers({ cookie: user.cookie, accept: "text/event-stream" });
  if (lastEventId !== undefined) headers.set("last-event-id", String(lastEventId));
  // Held by the caller: undici lets a Request's signal stop following its controller once the Request is collected.
  const request = new Request(`http://localhost:3000/x${query}`, { headers, signal: controller.signal });
  const response = await handler(request, { params: Promise.resolve(params) });
  return {
    status: response.status,
    request,
    response,
    reader: response.status === 200 ? new SseReader(response) : null,
    close: () => controller.abort(),
  };
}

/** Resolves when `predicate` holds; for a test that waits on another promise-driven party. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
