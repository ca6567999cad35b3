// Clear Synco Data end to end. Needs the clear engine (issue 17: the preview and start routes, the
// clear job) on the branch under test.
import { expect, test, type Page } from "@playwright/test";
import {
  attachScreenshot,
  createOrganizationThroughForm,
  inviteTeammate,
  newUser,
  signUpThroughForm,
  uniqueSuffix,
} from "./helpers";
import { setSandboxShopFaults } from "./sandbox-faults";

// Its own sign-up rate-limit bucket (an RFC 5737 documentation address), like the other specs.
const HEADERS = { "x-forwarded-for": "198.51.100.42" };
test.use({ extraHTTPHeaders: HEADERS });

/**
 * Every answer of the store's sandbox shop delayed: the clear is still deleting in Shopify while the
 * test reloads, opens a second browser and takes the phone screenshot, however fast the machine is.
 * Cleared again (`null`) to let it finish.
 */
const SLOW_SHOP = { latencyMs: 4_000 };

/** "Synced orders: 12" on the overview. */
async function overviewCount(page: Page, label: string): Promise<number> {
  const link = page.getByRole("link", { name: new RegExp(`^${label}: \\d+$`) });
  return Number((await link.getAttribute("aria-label"))!.split(": ")[1]);
}

test("an admin clears a store's Synco data, watched live by a second admin, through a reload, to the audit log", async ({
  page,
  browser,
}, testInfo) => {
  // A medium store takes minutes to seed and read on a busy machine.
  test.setTimeout(900_000);
  const suffix = uniqueSuffix();
  await page.goto("/sign-up");
  await signUpThroughForm(page, newUser("Cleo Clear", "clear-owner", suffix));
  await createOrganizationThroughForm(page, `Clearwater ${suffix}`);
  const second = await inviteTeammate(page, browser, newUser("Abe Admin", "clear-admin", suffix), "admin", HEADERS);

  // A medium sandbox store: enough items for the clear to take a while.
  await page.goto("/stores/new");
  await page.getByText("Medium", { exact: true }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  const storeUrl = page.url();
  await expect(page.getByText(/^Last refreshed from Shopify/)).toBeVisible({ timeout: 480_000 });
  const syncedOrders = await overviewCount(page, "Synced orders");
  expect(syncedOrders).toBeGreaterThan(0);
  const shopDomain = (await page
    .getByText(/^sandbox-[0-9a-f-]+\.myshopify\.com$/)
    .first()
    .textContent())!;

  // The confirmation: counts per type, the export first, the domain to type.
  await setSandboxShopFaults(shopDomain, SLOW_SHOP);
  await page.goto(`${storeUrl}/settings/advanced`);
  await page.getByRole("button", { name: "Clear Synco Data" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("checkbox", { name: /^Orders — [\d,]+ mapped$/ })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: /^Products — [\d,]+ mapped$/ })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: /^Customers — [\d,]+ mapped$/ })).toBeChecked();
  await expect(dialog.getByText(/items will show as Not synced/)).toBeVisible();
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("link", { name: "Download the mapping (CSV)" }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^synco-mappings-.+\.csv$/);

  const confirm = dialog.getByRole("button", { name: "Clear Synco Data" });
  const field = dialog.getByLabel(`Type ${shopDomain} to confirm`);
  await expect(confirm).toBeDisabled();
  await field.fill(shopDomain.replace(".myshopify.com", ".myshopify.co"));
  await expect(confirm).toBeDisabled();
  // Focus stays in the dialog: tabbing on from the field never reaches the page behind it.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
  }
  await field.fill(shopDomain);
  await expect(confirm).toBeEnabled();
  await attachScreenshot(page, testInfo, "clear-modal-desktop", { fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(page, testInfo, "clear-modal-phone", { fullPage: false });
  await page.setViewportSize({ width: 1440, height: 900 });
  // A double click makes one run.
  await confirm.dblclick();
  await expect(dialog).toHaveCount(0);

  // The progress, live; reloaded, it picks the same run up.
  const progress = page.getByTestId("clear-progress");
  const result = page.getByTestId("clear-result");
  await expect(progress).toBeVisible();
  await expect(progress.getByText(/^[\d,]+ of [\d,]+ mappings$/).first()).toBeVisible();
  const deletingStep = progress
    .getByRole("list", { name: "Steps" })
    .getByRole("listitem")
    .filter({ hasText: "Deleting Synco's metafields in Shopify" });
  await expect(deletingStep.getByText("Now", { exact: true })).toBeVisible();
  await attachScreenshot(page, testInfo, "clear-progress-desktop");
  await page.reload();
  await expect(progress).toBeVisible();
  await expect(deletingStep.getByText("Now", { exact: true })).toBeVisible();
  // The second admin's browser sees the same clear: on the advanced page, and as a banner elsewhere.
  await second.goto(`${storeUrl}/settings/advanced`);
  await expect(second.getByTestId("clear-progress")).toBeVisible();
  await second.goto(`${storeUrl}/orders`);
  await expect(second.getByTestId("exclusive-run-banner").getByText(/^Clearing Synco data/)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(progress).toBeVisible();
  await attachScreenshot(page, testInfo, "clear-progress-phone");
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(result).toHaveCount(0);
  await setSandboxShopFaults(shopDomain, null);

  await expect(result).toBeVisible({ timeout: 300_000 });
  await expect(result.getByText("Synco data cleared")).toBeVisible();
  await expect(result.getByText(/no Synco metafield of the cleared types is left in Shopify/)).toBeVisible();
  await expect(result.getByText(/Odoo was not touched/)).toBeVisible();
  await attachScreenshot(page, testInfo, "clear-summary-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(page, testInfo, "clear-summary-phone");
  await page.setViewportSize({ width: 1440, height: 900 });
  await second.goto(`${storeUrl}/settings/advanced`);
  await expect(second.getByTestId("clear-result").getByText("Synco data cleared")).toBeVisible();

  // One clear in the history; every cleared item Not synced.
  const clears = page.getByRole("table").getByRole("row").filter({ hasText: "Clear Synco Data" });
  await expect(clears).toHaveCount(1);
  await expect(clears.getByText("Succeeded")).toBeVisible();
  await page.goto(storeUrl);
  await expect(page.getByRole("link", { name: "Synced orders: 0" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Synced products: 0" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Synced customers: 0" })).toBeVisible();

  // And in the audit log, in words: one clear, asked for once (the double click's second request
  // replayed the same run and is not recorded again).
  await page.goto("/audit");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: /Cleared the Synco data of all items in .*Odoo untouched/ })).toHaveCount(1);
  await expect(rows.filter({ hasText: /Asked to clear the Synco data of all items in/ })).toHaveCount(1);
  await expect(rows.filter({ hasText: /Cleared the Synco data of all items in .*Odoo untouched/ })).toHaveCount(1);
});

test("a clear under way shows as a banner on the store's other pages, leading to its progress", async ({ page }) => {
  test.setTimeout(900_000);
  const suffix = uniqueSuffix();
  await page.goto("/sign-up");
  await signUpThroughForm(page, newUser("Bo Banner", "clear-banner", suffix));
  await createOrganizationThroughForm(page, `Bannerworks ${suffix}`);
  await page.goto("/stores/new");
  await page.getByText("Medium", { exact: true }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  const storeUrl = page.url();
  await expect(page.getByText(/^Last refreshed from Shopify/)).toBeVisible({ timeout: 480_000 });
  const shopDomain = (await page
    .getByText(/^sandbox-[0-9a-f-]+\.myshopify\.com$/)
    .first()
    .textContent())!;

  // Started by keyboard alone: the button, the field, Enter.
  await setSandboxShopFaults(shopDomain, SLOW_SHOP);
  await page.goto(`${storeUrl}/settings/advanced`);
  await page.getByRole("button", { name: "Clear Synco Data" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText(/items will show as Not synced/)).toBeVisible();
  await dialog.getByLabel(`Type ${shopDomain} to confirm`).focus();
  await page.keyboard.type(shopDomain);
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);

  await page.goto(`${storeUrl}/orders`);
  const banner = page.getByTestId("exclusive-run-banner");
  const finished = page.getByRole("tab", { name: /^Synced 0$/ });
  await expect(banner.getByText(/^Clearing Synco data/)).toBeVisible();
  await expect(banner.getByRole("link", { name: "View progress" })).toHaveAttribute(
    "href",
    `${new URL(storeUrl).pathname}/settings/advanced`,
  );
  await expect(finished).toHaveCount(0);
  await setSandboxShopFaults(shopDomain, null);
  // When it ends the list shows every order Not synced, without a reload, and the banner goes.
  await expect(finished).toBeVisible({ timeout: 300_000 });
  await expect(banner).toHaveCount(0);
  await page.getByRole("tab", { name: /^Not synced [\d,]+$/ }).click();
  await expect(page.getByTestId("exclusive-run-banner")).toHaveCount(0);
});
