import { expect, test } from "@playwright/test";
import { attachScreenshot, newUser, signUpThroughForm, uniqueSuffix } from "./helpers";

// Its own sign-up rate-limit bucket (an RFC 5737 documentation address), like the other specs.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.26" }, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test("on a phone, every store section can be reached from the section tabs", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  await page.goto("/sign-up");
  await signUpThroughForm(page, newUser("Pia Phone", "mobile-admin", suffix));
  await page.getByLabel("Organization name").fill(`Pocket Goods ${suffix}`);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.getByRole("link", { name: "Add store" }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);

  const sections = page.getByRole("navigation", { name: "Store sections" });
  await expect(sections.getByRole("tab", { name: "Overview" })).toBeVisible();
  // All five sections are on screen at once, none cut off at the strip's edge.
  const strip = (await sections.boundingBox())!;
  for (const name of ["Overview", "Products", "Customers", "Orders", "Settings"]) {
    const tab = (await sections.getByRole("tab", { name }).boundingBox())!;
    expect(tab.x, name).toBeGreaterThanOrEqual(strip.x);
    expect(tab.x + tab.width, name).toBeLessThanOrEqual(strip.x + strip.width);
  }
  // No horizontal scrolling of the page itself: the tabs fit the screen or scroll inside their own strip.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await attachScreenshot(page, testInfo, "store-mobile-overview", { fullPage: false });

  await sections.getByRole("tab", { name: "Orders" }).tap();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(sections.getByRole("tab", { name: "Orders" })).toHaveAttribute("aria-selected", "true");
  await expect(sections.getByRole("tab", { name: "Orders" })).toBeInViewport({ ratio: 1 });
  await attachScreenshot(page, testInfo, "store-mobile-orders", { fullPage: false });

  await sections.getByRole("tab", { name: "Settings" }).tap();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(sections.getByRole("tab", { name: "Settings" })).toHaveAttribute("aria-selected", "true");
  await expect(sections.getByRole("tab", { name: "Settings" })).toBeInViewport({ ratio: 1 });
  await attachScreenshot(page, testInfo, "store-mobile-settings", { fullPage: false });
});
