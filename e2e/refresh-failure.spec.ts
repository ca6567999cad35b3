import { expect, test } from "@playwright/test";
import { attachScreenshot, createOrganizationThroughForm, newUser, signUpThroughForm, uniqueSuffix } from "./helpers";
import { setSandboxShopFaults } from "./sandbox-faults";

test("a refresh Shopify fails shows its reason on the overview and the stores list, and Retry finishes it", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  await page.goto("/sign-up");
  await signUpThroughForm(page, newUser("Rita Rowe", "refresh-retry", suffix));
  await createOrganizationThroughForm(page, `Harbour Goods ${suffix}`);
  await page.getByRole("link", { name: "Add store" }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  const storeUrl = page.url();
  const shopDomain = (await page
    .getByText(/^sandbox-[0-9a-f-]+\.myshopify\.com$/)
    .first()
    .textContent())!;
  await expect(page.getByText(/^Last refreshed from Shopify/)).toBeVisible({ timeout: 60_000 });

  // Shopify's bulk exports now fail: the refresh is retried, then fails with the reason.
  await setSandboxShopFaults(shopDomain, { bulkFailAfterObjects: 0 });
  await page.getByRole("button", { name: "Refresh from Shopify" }).click();
  await expect(page.getByText("Refresh from Shopify failed")).toBeVisible({ timeout: 120_000 });
  await expect(
    page.getByText(/could not read the store's items from Shopify: Shopify bulk operation .* ended FAILED/),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Refresh from Shopify" })).toBeEnabled();
  await attachScreenshot(page, testInfo, "refresh-failed");

  // The stores list says so too, with the reason.
  await page.getByRole("navigation").getByRole("link", { name: "Stores" }).click();
  const row = page.getByRole("row").filter({ hasText: shopDomain });
  await expect(row.getByText("Refresh failed", { exact: true })).toBeVisible();
  await expect(row.getByText(/ended FAILED/)).toBeVisible();
  await expect(page.getByText(/1 needs attention/)).toBeVisible();

  // Shopify answers again: Retry continues the run and it succeeds.
  await setSandboxShopFaults(shopDomain, null);
  await page.goto(storeUrl);
  await expect(page.getByText("Refresh from Shopify failed")).toBeVisible();
  await page.getByRole("button", { name: "Retry", exact: true }).click();
  await expect(page.getByText("Refresh from Shopify failed")).toBeHidden({ timeout: 60_000 });
  await expect(page.getByText(/^Last refreshed from Shopify/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Refresh from Shopify" })).toBeEnabled();
  await page.getByRole("navigation").getByRole("link", { name: "Stores" }).click();
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: shopDomain })
      .getByText(/^[\d,]+ failed to sync$/),
  ).toBeVisible();
});
