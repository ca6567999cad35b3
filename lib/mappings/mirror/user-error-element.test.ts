import { describe, expect, it } from "vitest";
import { userErrorElement } from "./set-sync-metafields";

describe("userErrorElement", () => {
  it("takes the element from the field path, as Shopify names it", () => {
    expect(
      userErrorElement({ field: ["metafields", "3", "value"], message: "Value is invalid", elementIndex: null }),
    ).toBe(3);
    // A path naming an element wins over an elementIndex that may point inside a list value.
    expect(
      userErrorElement({ field: ["metafields", "2", "value"], message: "Value is invalid", elementIndex: 0 }),
    ).toBe(2);
  });

  it("falls back to elementIndex, and is null for an error about the whole call", () => {
    expect(userErrorElement({ field: null, message: "Owner does not exist.", elementIndex: 4 })).toBe(4);
    expect(
      userErrorElement({
        field: ["metafields"],
        message: "Exceeded the maximum metafields input limit of 25.",
        elementIndex: null,
      }),
    ).toBeNull();
    expect(userErrorElement({ field: null, message: "Access denied" })).toBeNull();
  });
});
