import { describe, expect, it } from "vitest";
import { confirmationMatches } from "./confirmation-matches";

describe("confirmationMatches (ConfirmModal's typed confirmation)", () => {
  const domain = "acme-outdoor.myshopify.com";

  it("accepts the exact text, in any case, with spaces around it", () => {
    expect(confirmationMatches(domain, domain)).toBe(true);
    expect(confirmationMatches("  ACME-Outdoor.myshopify.com \n", domain)).toBe(true);
  });

  it("refuses anything less or more than the whole text", () => {
    for (const typed of [
      "",
      " ",
      "acme-outdoor",
      "acme-outdoor.myshopify.co",
      `${domain}x`,
      "acme outdoor.myshopify.com",
    ])
      expect(confirmationMatches(typed, domain)).toBe(false);
  });

  it("never matches an empty expectation", () => {
    expect(confirmationMatches("", "")).toBe(false);
    expect(confirmationMatches("  ", " ")).toBe(false);
  });
});
