import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { attachScreenshot, createOrganizationThroughForm, newUser, signUpThroughForm, uniqueSuffix } from "./helpers";

// Its own sign-up rate-limit bucket (an RFC 5737 documentation address), like stores.spec.ts.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.52" } });

/**
 * axe over the page as it stands (WCAG 2.1 A/AA and best practices): fails on every serious or
 * critical finding, listing rule, element and message; lesser findings are attached to the report.
 */
async function expectAccessible(page: Page, testInfo: TestInfo, name: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const others = violations.filter((v) => !blocking.includes(v));
  if (others.length) {
    await testInfo.attach(`axe-${name}-minor.json`, {
      body: JSON.stringify(
        others.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) })),
        null,
        2,
      ),
      contentType: "application/json",
    });
  }
  // Soft: one run reports every page's findings, and the test still fails on any.
  expect
    .soft(
      blocking.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `axe on ${name}`,
    )
    .toEqual([]);
}

test("axe finds nothing serious on sign-in, stores, a store's overview, lists with a drawer open and settings", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const signedOutContext = await browser.newContext();
  const signedOut = await signedOutContext.newPage();
  await signedOut.goto("/sign-in");
  await expect(signedOut.getByRole("heading", { name: "Sign in to Synco" })).toBeVisible();
  await expectAccessible(signedOut, testInfo, "sign-in");
  await signedOutContext.close();

  const suffix = uniqueSuffix();
  await page.goto("/sign-up");
  await expectAccessible(page, testInfo, "sign-up");
  await signUpThroughForm(page, newUser("Alex Axe", "axe", suffix));
  await createOrganizationThroughForm(page, `Axe Outfitters ${suffix}`);
  await page.getByRole("link", { name: "Add store" }).click();
  await expectAccessible(page, testInfo, "add-store");
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  const storeUrl = new URL(page.url()).pathname;
  // The toast is scanned too (decision 98): held under the pointer, its close button has a name.
  const toast = page.getByRole("status").filter({ hasText: "Sandbox store added" });
  await toast.hover();
  await expect(toast.getByRole("button", { name: "Dismiss notification" })).toBeVisible();
  await expectAccessible(page, testInfo, "toast");
  await attachScreenshot(page, testInfo, "toast-desktop", { fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await toast.hover();
  await attachScreenshot(page, testInfo, "toast-phone", { fullPage: false });
  await page.setViewportSize({ width: 1440, height: 900 });
  await toast.getByRole("button", { name: "Dismiss notification" }).click();
  await expect(page.getByText("Sandbox store added")).toHaveCount(0);
  await expect(page.getByText(/^Last refreshed from Shopify/)).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, testInfo, "overview");

  await page.goto("/");
  await expect(page.getByRole("row").filter({ hasText: "Sandbox store (small)" })).toBeVisible();
  await expectAccessible(page, testInfo, "stores");

  for (const segment of ["products", "customers", "orders"]) {
    await page.goto(`${storeUrl}/${segment}`);
    const rows = page
      .getByRole("table")
      .getByRole("row")
      .filter({ has: page.getByRole("cell") });
    await expect(rows).toHaveCount(50);
    await expectAccessible(page, testInfo, segment);
    await rows.first().getByRole("button").first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expect(page.getByRole("dialog").getByRole("heading", { name: "Odoo" })).toBeVisible();
    await expectAccessible(page, testInfo, `${segment}-drawer`);
    await page.keyboard.press("Escape");
  }

  // Moving between a store's sections keeps focus on the section tabs, not lost to the page's body.
  await page.getByRole("navigation", { name: "Store sections" }).getByRole("tab", { name: "Settings" }).click();
  await expect(page.getByLabel("Store name")).toBeVisible();
  await expect(page.getByRole("tab", { name: "Settings" })).toBeFocused();
  await expectAccessible(page, testInfo, "store-settings");

  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Organization settings" })).toBeVisible();
  await expectAccessible(page, testInfo, "organization-settings");

  // The changed pages at desktop and phone sizes: the overview's export, a list's pages and search
  // total, an open item, the store switcher's header.
  for (const [name, path] of [
    ["overview", storeUrl],
    ["orders-page-2", `${storeUrl}/orders?page=2`],
    ["orders-search", `${storeUrl}/orders?q=example`],
  ] as const) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Sandbox store (small)" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await attachScreenshot(page, testInfo, `${name}-desktop`);
    await page.setViewportSize({ width: 390, height: 844 });
    await attachScreenshot(page, testInfo, `${name}-phone`);
  }
  await page.goto(`${storeUrl}/orders?page=2`);
  await page
    .getByRole("listitem")
    .filter({ hasText: /Odoo ID/ })
    .first()
    .click();
  await expect(page.getByRole("dialog").getByRole("heading", { name: "Odoo" })).toBeVisible();
  await attachScreenshot(page, testInfo, "orders-drawer-phone", { fullPage: false });
  await page.setViewportSize({ width: 1440, height: 900 });

  // The branded "page not found", and the icons every page names.
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(page, testInfo, "not-found");
  await attachScreenshot(page, testInfo, "not-found-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(page, testInfo, "not-found-phone");
  for (const icon of ["/favicon.ico", "/icon.svg", "/apple-touch-icon.png"]) {
    const res = await page.request.get(icon);
    expect(res.status(), icon).toBe(200);
  }
});
