import { describe, expect, it } from "vitest";
import { seedSmallStore } from "../seed-small-store";
import { createMemoryBucketStore } from "./memory-bucket-store";
import { createPostgresBucketStore } from "./postgres-bucket-store";

describe("the memory bucket store", () => {
  it("takes only what the bucket holds, refills at the restore rate up to the maximum, refunds", async () => {
    let clock = 1_000_000;
    const store = createMemoryBucketStore({ now: () => clock });
    const ref = { installationId: 1, limits: { restoreRate: 2, maximumAvailable: 100 } };
    expect(await store.take({ ...ref, cost: 60 })).toEqual({
      granted: true,
      status: { maximumAvailable: 100, currentlyAvailable: 40, restoreRate: 2 },
    });
    expect(await store.take({ ...ref, cost: 50 })).toMatchObject({
      granted: false,
      status: { currentlyAvailable: 40 },
    });
    clock += 5_000;
    expect(await store.take({ ...ref, cost: 50 })).toMatchObject({ granted: true, status: { currentlyAvailable: 0 } });
    clock += 750;
    expect(await store.read(ref)).toMatchObject({ currentlyAvailable: 1 });
    expect(await store.refund({ ...ref, points: 20 })).toMatchObject({ currentlyAvailable: 21 });
    clock += 3_600_000;
    expect(await store.read(ref)).toMatchObject({ currentlyAvailable: 100 });
    // Another installation has its own bucket.
    expect(await store.read({ ...ref, installationId: 2 })).toMatchObject({ currentlyAvailable: 100 });
  });

  it("is empty at the end of a throttle storm, once per storm", async () => {
    let clock = 1_000_000;
    const store = createMemoryBucketStore({ now: () => clock });
    const ref = { installationId: 1, limits: { restoreRate: 10, maximumAvailable: 100 } };
    await store.take({ ...ref, cost: 10 });
    const stormEndedAt = new Date(clock + 1_000);
    clock += 3_000;
    expect(await store.take({ ...ref, stormEndedAt, cost: 5 })).toMatchObject({
      granted: true,
      status: { currentlyAvailable: 15 },
    });
    expect(await store.take({ ...ref, stormEndedAt, cost: 5 })).toMatchObject({
      granted: true,
      status: { currentlyAvailable: 10 },
    });
  });
});

describe("the PostgreSQL bucket store", () => {
  it("folds concurrent takes and refunds from two processes into one exact bucket", async () => {
    const { installation } = await seedSmallStore({ products: 0, customers: 0, orders: 0 });
    // Two stores stand for two app instances: separate queues, one row.
    const stores = [createPostgresBucketStore({}), createPostgresBucketStore({})];
    const ref = { installationId: installation.id, limits: { restoreRate: 1, maximumAvailable: 100 } };
    const started = performance.now();
    const takes = await Promise.all(Array.from({ length: 300 }, (_, i) => stores[i % 2]!.take({ ...ref, cost: 1 })));
    const elapsed = (performance.now() - started) / 1000;
    const granted = takes.filter((take) => take.granted);
    // The bucket held 100, plus one point per second of refill: never more, never less.
    expect(granted.length).toBeGreaterThanOrEqual(100);
    expect(granted.length).toBeLessThanOrEqual(100 + Math.ceil(elapsed));
    // Every granted take saw a level one lower than the take before it (refill aside).
    const levels = new Set(granted.map((take) => take.status.currentlyAvailable));
    expect(levels.size).toBeGreaterThanOrEqual(granted.length - Math.ceil(elapsed) - 1);
    for (const take of takes.filter((t) => !t.granted)) expect(take.status.currentlyAvailable).toBeLessThan(1);

    const refunds = await Promise.all(
      Array.from({ length: 40 }, (_, i) => stores[i % 2]!.refund({ ...ref, points: 1 })),
    );
    expect(Math.max(...refunds.map((status) => status.currentlyAvailable))).toBeGreaterThanOrEqual(40);
    const level = (await stores[0]!.read(ref)).currentlyAvailable;
    expect(level).toBeGreaterThanOrEqual(40);
    expect(level).toBeLessThanOrEqual(42 + Math.ceil((performance.now() - started) / 1000));
  });
});
