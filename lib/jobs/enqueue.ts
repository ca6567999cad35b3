import { sql } from "drizzle-orm";
import { fromDrizzle, type DrizzleTransactionLike } from "pg-boss";
import { getBoss } from "./boss";
import { JOBS, type JobName, type JobPayload } from "./definitions";

export type EnqueueOptions = {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: DrizzleTransactionLike;
  /** At most one job per key (per the queue's policy), e.g. the store id. */
  singletonKey?: string;
  startAfter?: Date | number;
};

/** Queues a job; the payload is validated now and again by the worker. Null when a singleton already exists. */
export async function enqueue<N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const definition = JOBS[name];
  const data = { v: definition.version, payload: definition.payload.parse(payload) };
  const boss = await getBoss();
  return boss.send(name, data, {
    singletonKey: options.singletonKey,
    startAfter: options.startAfter,
    db: options.tx ? fromDrizzle(options.tx, sql) : undefined,
  });
}
