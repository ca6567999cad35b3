import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { attachScreenshot, createOrganizationThroughForm, newUser, signUpThroughForm, uniqueSuffix } from "./helpers";
import { setSandboxShopFaults } from "./sandbox-faults";

// Its own sign-up rate-limit bucket (an RFC 5737 documentation address), like the other specs.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.31" } });

const FIGURE = / (of [\d,]+|so far)$/;

/** A new admin and organization, a second tab on the stores list, then a medium sandbox store added in the first. */
async function addMediumStoreWithListOpen(page: Page, context: BrowserContext, name: string, label: string) {
  const suffix = uniqueSuffix();
  await page.goto("/sign-up");
  await signUpThroughForm(page, newUser(name, label, suffix));
  await createOrganizationThroughForm(page, `${name.split(" ")[1]} Goods ${suffix}`);
  // The second tab stays on the stores list the whole time; it never reloads.
  const list = await context.newPage();
  await list.goto("/");
  await expect(list.getByText("No stores connected yet")).toBeVisible();
  await page.getByRole("link", { name: "Add store" }).click();
  await page.getByText("Medium", { exact: true }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  return { list, storeUrl: page.url() };
}

test("a medium sandbox store's seeding and first import show live with figures, through a reload and in another tab", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(180_000);
  const { list, storeUrl } = await addMediumStoreWithListOpen(page, context, "Olga Ops", "ops-admin");
  // A quiet machine seeds a medium store in about a second and reads it in a few more: the shop
  // answers slowly (as the clear's e2e does, decision 65) from here until the reloaded page has
  // followed the import on, so the import is still running after the reload.
  const shopDomain = (await page
    .getByText(/^sandbox-[\w-]+\.myshopify\.com$/)
    .first()
    .textContent())!.trim();
  await setSandboxShopFaults(shopDomain, { latencyMs: 3_000 });

  // Seeding: the run with its figures per type (5,000 orders planned for a medium store). Seeding
  // writes the shop's tables directly, nothing slows it: on a fast machine it may be over before
  // the page shows it, and then its figures cannot be seen live (the import's are, below).
  const seeding = page.getByTestId("operation-run").filter({ hasText: "Seeding the sandbox store" });
  const importing = page.getByTestId("operation-run").filter({ hasText: "Reading items from Shopify" });
  await expect(seeding.or(importing)).toBeVisible({ timeout: 60_000 });
  if (await seeding.isVisible()) {
    await expect(seeding.getByText(/ of 5,000$/)).toBeVisible();
    await expect(seeding.getByText("Orders", { exact: true })).toBeVisible();
    await attachScreenshot(page, testInfo, "seeding");
  } else {
    testInfo.annotations.push({ type: "note", description: "seeding was over before the page showed it" });
  }

  // Then the first import from Shopify, live, on its own; reloaded as soon as it shows.
  await expect(importing).toBeVisible({ timeout: 60_000 });
  await page.reload();
  await expect(page).toHaveURL(storeUrl);
  // The reloaded page picks the same run up again, live, with its figures, and follows it on.
  await expect(importing).toBeVisible();
  await expect(
    importing.getByText(/^(Reading (products|customers|orders|the sync state)|Shopify is preparing|Checking)/),
  ).toBeVisible();
  await expect(importing.getByText(FIGURE).first()).toBeVisible();
  await attachScreenshot(page, testInfo, "importing-after-reload");
  const before = (await importing.getByText(FIGURE).allTextContents()).join(" | ");
  await expect
    .poll(async () => (await importing.getByText(FIGURE).allTextContents()).join(" | "), { timeout: 60_000 })
    .not.toBe(before);
  await setSandboxShopFaults(shopDomain, null);

  // When it ends, the counts appear and the run leaves the page by itself.
  await expect(importing).toHaveCount(0, { timeout: 90_000 });
  await expect(page.getByRole("link", { name: /^All orders: 5000$/ })).toBeVisible();
  await expect(page.getByText(/^Last refreshed from Shopify/)).toBeVisible();
  await attachScreenshot(page, testInfo, "imported");

  // The other tab listed the new store and followed its runs; it is idle now.
  const row = list.getByRole("row").filter({ hasText: "Sandbox store (medium)" });
  await expect(row.getByText("Idle")).toBeVisible();
  await expect(row.getByTestId("store-operation")).toHaveCount(0);
  await attachScreenshot(list, testInfo, "stores-list");
});

test("the stores list shows a store's run under way, live", async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  const { list } = await addMediumStoreWithListOpen(page, context, "Lena List", "ops-list");

  const row = list.getByRole("row").filter({ hasText: "Sandbox store (medium)" });
  const importing = row.getByTestId("store-operation").filter({ hasText: "Reading items from Shopify" });
  await expect(importing).toBeVisible({ timeout: 60_000 });
  await attachScreenshot(list, testInfo, "stores-list-importing");
  await expect(row.getByText("Idle")).toBeVisible({ timeout: 90_000 });
});
