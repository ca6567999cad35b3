// The job layer itself: payloads validated on enqueue, one job per store at a time, jobs that
// exist only if the enqueuing transaction commits, and `npm run worker` as its own process.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { getBoss } from "./boss";
import { enqueue } from "./enqueue";

const QUEUE = "sandbox.seed-store";
const payload = () => ({ runId: randomUUID(), storeId: randomUUID(), organizationId: "org-jobs-test" });

describe("jobs", () => {
  it("validates the payload before queueing", async () => {
    await expect(enqueue(QUEUE, { ...payload(), storeId: "not-a-uuid" })).rejects.toThrow(/storeId/);
  });

  it("keeps one job per store (singleton key) while one is queued", async () => {
    const data = payload();
    const first = await enqueue(QUEUE, data, { singletonKey: data.storeId, startAfter: 3600 });
    const second = await enqueue(QUEUE, data, { singletonKey: data.storeId, startAfter: 3600 });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    const other = payload();
    const third = await enqueue(QUEUE, other, { singletonKey: other.storeId, startAfter: 3600 });
    expect(third).toEqual(expect.any(String));
    const found = await (await getBoss()).findJobs(QUEUE, { key: data.storeId });
    expect(found.map((job) => job.data)).toEqual([{ v: 2, payload: data }]);
  });

  it("enqueues inside the caller's transaction: rolled back, no job", async () => {
    const data = payload();
    await db
      .transaction(async (tx) => {
        await enqueue(QUEUE, data, { tx, singletonKey: data.storeId, startAfter: 3600 });
        await tx.execute(sql`select 1`);
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await (await getBoss()).findJobs(QUEUE, { key: data.storeId })).toEqual([]);
  });

  it("`npm run worker` starts workers in its own process and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const deadline = Date.now() + 60_000;
    while (!output.includes("worker running") && child.exitCode === null && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain("worker running");
    child.kill("SIGTERM");
    // The worker's output names the cause when it does not stop cleanly (it failed once under load).
    expect(await exited, output).toBe(0);
  }, 90_000);
});
