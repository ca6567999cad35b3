// Where sign-in sends a user back to: the exact same-site address, query string included, and
// nothing a browser would read as another site.
import { describe, expect, it } from "vitest";
import { authPath, safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps a same-site path with its query string and fragment", () => {
    for (const path of [
      "/",
      "/stores",
      "/stores/8c1e/orders?tab=failed&q=1001",
      "/stores?oauth_error=access_denied",
      "/settings#members",
      "/stores/8c1e/products?mirror=failed&q=%23%201001",
    ]) {
      expect(safeNextPath(path), path).toBe(path);
    }
  });

  it("refuses other sites and anything a browser would read as one", () => {
    for (const value of [
      "//evil.example",
      "//evil.example/stores?tab=failed",
      "https://evil.example",
      "http://synco.invalid/stores",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/.//evil.example",
      "javascript:alert(1)",
      "stores",
      "",
    ]) {
      expect(safeNextPath(value), JSON.stringify(value)).toBe("/");
    }
    for (const value of [undefined, null, 42, ["/stores"]]) expect(safeNextPath(value)).toBe("/");
    expect(safeNextPath("//evil.example", "/stores/1")).toBe("/stores/1");
  });

  it("normalises what it keeps, so the answer itself is a plain path", () => {
    expect(safeNextPath("/stores/../settings")).toBe("/settings");
    expect(safeNextPath("/stores/1/orders?q=a b")).toBe("/stores/1/orders?q=a%20b");
  });
});

describe("authPath", () => {
  it("carries the whole address, query included, and drops an unsafe one", () => {
    expect(authPath("sign-in", "/stores/8c1e/orders?tab=failed&q=1001")).toBe(
      `/sign-in?next=${encodeURIComponent("/stores/8c1e/orders?tab=failed&q=1001")}`,
    );
    expect(authPath("sign-up", "//evil.example")).toBe("/sign-up");
    expect(authPath("sign-in", "/")).toBe("/sign-in");
  });
});
