import { describe, expect, it } from "vitest";
import { backoffMs, parseRetryAfter } from "./retry-policy";

describe("retry policy", () => {
  it("backs off exponentially with jitter, up to the cap", () => {
    const options = { baseMs: 100, capMs: 1_000 };
    expect([1, 2, 3].map((retry) => backoffMs(retry, options, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((retry) => backoffMs(retry, options, () => 1))).toEqual([100, 200, 400]);
    expect(backoffMs(20, options, () => 1)).toBe(1_000);
  });

  it("reads Retry-After in seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("2")).toBe(2_000);
    expect(parseRetryAfter("1.5")).toBe(1_500);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:03 GMT", now)).toBe(3_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
