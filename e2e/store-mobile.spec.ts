import { expect, test } from "@playwright/test";
import { attachScreenshot, createOrganizationThroughForm, newUser, signUpThroughForm, uniqueSuffix } from "./helpers";

// Its own sign-up rate-limit bucket (an RFC 5737 documentation address), like the other specs.
test.use({
  extraHTTPHeaders: { "x-forwarded-for": "198.51.100.26" },
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
});

test("on a phone, every store section can be reached from the section tabs", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  await page.goto("/sign-up");
  await signUpThroughForm(page, newUser("Pia Phone", "mobile-admin", suffix));
  await createOrganizationThroughForm(page, `Pocket Goods ${suffix}`);
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
  // Section headings outside the cards keep the page title's inset instead of touching the screen's edge.
  const title = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
  const heading = (await page.getByRole("heading", { level: 2, name: "Settings", exact: true }).boundingBox())!;
  expect(heading.x).toBeGreaterThanOrEqual(16);
  expect(heading.x).toBe(title.x);
  await attachScreenshot(page, testInfo, "store-mobile-settings", { fullPage: false });

  // Organization settings: the invitation's email field takes the whole width, with the role below it.
  await page.goto("/settings");
  const email = (await page.getByLabel("Email address").boundingBox())!;
  const role = (await page.getByLabel("Role", { exact: true }).boundingBox())!;
  expect(email.width).toBeGreaterThanOrEqual(300);
  expect(role.y).toBeGreaterThan(email.y + email.height);
  await page.getByLabel("Email address").scrollIntoViewIfNeeded();
  await attachScreenshot(page, testInfo, "store-mobile-invite", { fullPage: false });
});

test("on a phone, every status tab of the products, customers and orders lists is on screen and can be tapped", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  await page.goto("/sign-up");
  await signUpThroughForm(page, newUser("Tia Tabs", "mobile-lists", suffix));
  await createOrganizationThroughForm(page, `Pocket Lists ${suffix}`);
  await page.getByRole("link", { name: "Add store" }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  const store = new URL(page.url()).pathname;

  for (const segment of ["products", "customers", "orders"]) {
    // ?mirror=failed shows the fifth tab, "Refused by Shopify", as it shows once Shopify refuses a mapping.
    await page.goto(`${store}/${segment}?mirror=failed`);
    const tabs = page.getByRole("tablist").last();
    for (const label of ["All", "Synced", "Not synced", "Failed", "Refused by Shopify"]) {
      const tab = tabs.getByRole("tab", { name: new RegExp(`^${label} [\\d,]+$`) });
      await expect(tab, `${segment}: ${label}`).toBeInViewport({ ratio: 1 });
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth), segment).toBeLessThanOrEqual(390);
  }

  // The last tab of the orders list is reached by tapping it where it is, with nothing to scroll first.
  await page.goto(`${store}/orders`);
  await page.getByRole("tab", { name: /^Failed [\d,]+$/ }).tap();
  await expect(page).toHaveURL(/\/orders\?tab=failed$/);
  await expect(page.getByRole("tab", { name: /^Failed [\d,]+$/ })).toHaveAttribute("aria-selected", "true");
  // On phones the list is Polaris's condensed one: a stacked row per order, each with its Odoo ID.
  await expect(
    page
      .getByRole("listitem")
      .filter({ has: page.getByText(/^Odoo ID /) })
      .first(),
  ).toBeVisible();
  await expect(page.getByText("Loading orders…").locator("visible=true")).toHaveCount(0);
  await attachScreenshot(page, testInfo, "store-mobile-orders-list", { fullPage: false });
});
