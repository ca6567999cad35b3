import { describe, expect, it } from "vitest";
import { BucketModel } from "./bucket-model";

const status = (currentlyAvailable: number, maximumAvailable = 100) => ({
  maximumAvailable,
  currentlyAvailable,
  restoreRate: 100,
});

function modelAt(level: number) {
  const model = new BucketModel();
  model.settle(model.reserve(1, 0), 0, { status: status(level), charged: 1 });
  return model;
}

describe("the modelled bucket", () => {
  it("refills at restoreRate from Shopify's last report, up to maximumAvailable", () => {
    const model = modelAt(40);
    expect(model.level(0)).toBe(40);
    expect(model.level(250)).toBe(65);
    expect(model.level(5_000)).toBe(100);
    expect(model.msUntilAffordable(50, 0)).toBe(100);
  });

  it("holds in-flight reservations against what can be spent", () => {
    const model = modelAt(40);
    model.reserve(30, 0);
    expect(model.msUntilAffordable(10, 0)).toBe(0);
    expect(model.msUntilAffordable(20, 0)).toBe(100);
  });

  it("never believes in more than Shopify had when answers overlap and arrive out of order", () => {
    const model = modelAt(100);
    const first = model.reserve(10, 0);
    const second = model.reserve(10, 0);
    // Shopify ran `first` (100 → 90), then `second` (90 → 80); the second answer arrives first.
    model.settle(second, 10, { status: status(80), charged: 10 });
    expect(model.level(10) - model.reserved).toBeLessThanOrEqual(80);
    model.settle(first, 20, { status: status(90), charged: 10 });
    expect(model.level(20)).toBe(81);
  });

  it("drops a slow answer's low report once a request sent after it has been answered", () => {
    const model = new BucketModel();
    const [slow, quick] = [model.reserve(10, 0), model.reserve(10, 0)];
    // `slow` ran first but its answer took long; `quick` ran later with more refilled.
    model.settle(slow, 500, { status: status(20, 1_000), charged: 10 });
    model.settle(quick, 600, { status: status(60, 1_000), charged: 10 });
    expect(model.level(600)).toBe(30);
    // Sent after both answers arrived, so Shopify ran it after both: its report supersedes them.
    model.settle(model.reserve(10, 700), 710, { status: status(60, 1_000), charged: 10 });
    expect(model.level(710)).toBe(60);
  });

  it("assumes a request that got no answer was charged", () => {
    const model = modelAt(50);
    model.settle(model.reserve(20, 0), 0, { charged: 20 });
    expect(model.level(0)).toBe(30);
    expect(model.reserved).toBe(0);
  });
});
