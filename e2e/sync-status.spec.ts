import fs from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { attachScreenshot, createOrganizationThroughForm, newUser, signUpThroughForm, uniqueSuffix } from "./helpers";

// Its own sign-up rate-limit bucket (an RFC 5737 documentation address), like stores.spec.ts.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.25" } });

/** A downloaded CSV's lines (CRLF-ended; no field of the sandbox's items holds a line break). */
async function downloadedLines(download: Download): Promise<string[]> {
  return (await fs.readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
}

type Counts = { total: number; synced: number; notSynced: number; failed: number };

/** A type's counts as the overview's links name them ("Failed orders: 12"). */
async function overviewCounts(page: Page, plural: string): Promise<Counts> {
  const read = async (prefix: string) => {
    const label = await page
      .getByRole("link", { name: new RegExp(`^${prefix} ${plural}: \\d+$`) })
      .getAttribute("aria-label");
    return Number(label!.split(": ")[1]);
  };
  return {
    total: await read("All"),
    synced: await read("Synced"),
    notSynced: await read("Not synced"),
    failed: await read("Failed"),
  };
}

test("an admin follows a sandbox store's sync status: counts, tabs, search, an item's mapping, refresh and export", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const admin = newUser("Sam Sync", "sync-admin", suffix);

  await page.goto("/sign-up");
  await signUpThroughForm(page, admin);
  await createOrganizationThroughForm(page, `Fjord Supply ${suffix}`);
  await page.getByRole("link", { name: "Add store" }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  const storeUrl = page.url();

  // The overview follows the first import of the store's items until it is done.
  await expect(page.getByRole("heading", { level: 2, name: "Sync status" })).toBeVisible();
  await expect(page.getByText(/^Last refreshed from Shopify/)).toBeVisible({ timeout: 60_000 });
  const refreshButton = page.getByRole("button", { name: "Refresh from Shopify" });
  await expect(refreshButton).toBeEnabled();
  const counts = {
    products: await overviewCounts(page, "products"),
    customers: await overviewCounts(page, "customers"),
    orders: await overviewCounts(page, "orders"),
  };
  // The small preset's sync state as the sandbox seeded it, read in through the Admin API only
  // (a bulk query of the sync metafields, as on a real store): the same figures as the sandbox holds.
  expect(counts).toEqual({
    products: { total: 50, synced: 31, notSynced: 15, failed: 4 },
    customers: { total: 100, synced: 58, notSynced: 38, failed: 4 },
    orders: { total: 200, synced: 110, notSynced: 83, failed: 7 },
  });
  for (const typeCounts of Object.values(counts)) {
    expect(typeCounts.total).toBeGreaterThan(0);
    expect(typeCounts.synced + typeCounts.notSynced + typeCounts.failed).toBe(typeCounts.total);
  }
  expect(counts.orders.failed).toBeGreaterThan(0);
  expect(counts.orders.total).toBeGreaterThan(50); // more than one page
  await attachScreenshot(page, testInfo, "sync-overview");

  // The orders list: its tabs carry the overview's counts.
  await page.getByRole("navigation", { name: "Store sections" }).getByRole("tab", { name: "Orders" }).click();
  await expect(page).toHaveURL(/\/orders$/);
  const tab = (label: string, count: number) => page.getByRole("tab", { name: `${label} ${count}`, exact: true });
  await expect(tab("All", counts.orders.total)).toBeVisible();
  await expect(tab("Synced", counts.orders.synced)).toBeVisible();
  await expect(tab("Not synced", counts.orders.notSynced)).toBeVisible();
  await expect(tab("Failed", counts.orders.failed)).toBeVisible();
  const rows = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
  await expect(rows).toHaveCount(50);

  // Pages: next and previous, the page in the URL through reloads and Back, first, last and a jump.
  const lastPage = Math.ceil(counts.orders.total / 50);
  const rangeOf = (n: number) =>
    `${(n - 1) * 50 + 1}–${Math.min(n * 50, counts.orders.total)} of ${counts.orders.total}`;
  await expect(page.getByText(rangeOf(1))).toBeVisible();
  const firstRowOfPageOne = await rows.first().textContent();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page).toHaveURL(/\/orders\?page=2$/);
  await expect(page.getByText(rangeOf(2))).toBeVisible();
  const firstRowOfPageTwo = await rows.first().textContent();
  expect(firstRowOfPageTwo).not.toBe(firstRowOfPageOne);
  await page.reload();
  await expect(page.getByText(rangeOf(2))).toBeVisible();
  await expect(rows.first()).toHaveText(firstRowOfPageTwo!);
  await page.getByRole("button", { name: "Last", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/orders\\?page=${lastPage}$`));
  await expect(page.getByText(rangeOf(lastPage))).toBeVisible();
  await expect(page.getByRole("button", { name: "Next", exact: true })).toBeDisabled();
  await page.getByRole("spinbutton", { name: "Page" }).fill("3");
  await page.getByRole("button", { name: "Go", exact: true }).click();
  await expect(page).toHaveURL(/\/orders\?page=3$/);
  await expect(page.getByText(rangeOf(3))).toBeVisible();
  await page.goBack();
  await expect(page.getByText(rangeOf(lastPage))).toBeVisible();
  await page.goBack();
  await expect(page.getByText(rangeOf(2))).toBeVisible();
  await expect(rows.first()).toHaveText(firstRowOfPageTwo!);
  await page.getByRole("button", { name: "Previous", exact: true }).click();
  await expect(page.getByText(rangeOf(1))).toBeVisible();
  await page.getByRole("button", { name: "Last", exact: true }).click();
  await page.getByRole("button", { name: "First", exact: true }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(rows.first()).toHaveText(firstRowOfPageOne!);
  await attachScreenshot(page, testInfo, "sync-orders", { fullPage: false });

  // The Failed tab lists only failed orders, each with its error.
  await tab("Failed", counts.orders.failed).click();
  await expect(page).toHaveURL(/\/orders\?tab=failed$/);
  await expect(rows).toHaveCount(Math.min(counts.orders.failed, 50));
  await expect(rows.filter({ hasNotText: "Failed" })).toHaveCount(0);
  const firstFailed = rows.first();
  const orderName = (await firstFailed.getByRole("button").first().textContent())!.trim();
  expect(orderName).toMatch(/^#\d+$/);

  // Search by that order's name on the All tab; the URL keeps tab and search across a reload.
  await tab("All", counts.orders.total).click();
  await expect(page).toHaveURL(/\/orders$/);
  await page.getByRole("textbox", { name: "Search orders" }).fill(orderName);
  await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(orderName)}$`));
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Search orders" })).toHaveValue(orderName);
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: /results?$/ })).toHaveText(/^\d+ results?$/);
  const row = rows.first();
  await expect(row).toContainText("Failed");

  // A search that matches nothing says so.
  await page.getByRole("textbox", { name: "Search orders" }).fill("no-such-order-anywhere");
  await expect(page.getByText("No orders match “no-such-order-anywhere”")).toBeVisible();
  await page.goBack();
  await page.goForward();
  await page.getByRole("textbox", { name: "Search orders" }).fill(orderName);
  await expect(rows).toHaveCount(1);

  // The drawer: the order's mapping in full.
  await rows.first().getByRole("button", { name: orderName }).click();
  const drawer = page.getByRole("dialog", { name: orderName });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText("The last sync failed")).toBeVisible();
  await expect(drawer.getByRole("heading", { name: "Odoo" })).toBeVisible();
  await expect(drawer.getByText("Last attempt")).toBeVisible();
  await expect(drawer.getByRole("heading", { name: "Shopify metafield" })).toBeVisible();
  await expect(drawer.getByText("synco.sync")).toBeVisible();
  await expect(drawer.getByText(/^gid:\/\/shopify\/Order\/\d+$/)).toBeVisible();
  await attachScreenshot(page, testInfo, "sync-order-drawer", { fullPage: false });
  // The open order is in the URL: a reload opens it again, Back closes it and stays on the list.
  await expect(page).toHaveURL(/[?&]item=\d+$/);
  const listUrl = page.url().replace(/[?&]item=\d+$/, "");
  await page.reload();
  await expect(page.getByRole("dialog", { name: orderName })).toBeVisible();
  await expect(drawer.getByText("The last sync failed")).toBeVisible();
  await page.goBack();
  await expect(drawer).toHaveCount(0);
  await expect(page).toHaveURL(listUrl);
  await expect(rows).toHaveCount(1);
  await page.goForward();
  await expect(drawer).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await expect(page).toHaveURL(listUrl);

  // Customers: search by an email read from the list, open the customer.
  await page.getByRole("navigation", { name: "Store sections" }).getByRole("tab", { name: "Customers" }).click();
  await expect(rows).toHaveCount(50);
  const email = (await rows.nth(3).getByText(/@/).first().textContent())!.trim();
  await page.getByRole("textbox", { name: "Search customers" }).fill(email.toUpperCase());
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(email);
  await rows.first().click();
  await expect(page.getByRole("dialog").getByText(email).first()).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).first().click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Back on the overview, a number leads into its tab.
  await page.goto(storeUrl);
  await page.getByRole("link", { name: `Failed orders: ${counts.orders.failed}` }).click();
  await expect(page).toHaveURL(/\/orders\?tab=failed$/);
  await expect(page.getByRole("tab", { name: /^Failed/ })).toHaveAttribute("aria-selected", "true");

  // Refresh from Shopify: the button follows the refresh until it ends.
  await page.goto(storeUrl);
  await refreshButton.click();
  await expect(page.getByRole("button", { name: "Refreshing…" })).toBeDisabled();
  await expect(refreshButton).toBeEnabled({ timeout: 60_000 });
  expect(await overviewCounts(page, "orders")).toEqual(counts.orders);

  // Export the mapping as CSV: a download.
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: /^Mapping \(CSV\)/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^synco-mappings-.+\.csv$/);
  // Every item with its status, from the overview: one row per item the overview counts.
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const itemsDownload = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: /^Items and their sync status/ }).click();
  const itemLines = await downloadedLines(await itemsDownload);
  expect(itemLines[0]).toMatch(/^Type,Shopify ID,Title,SKU,Email,Order name,Status,/);
  expect(itemLines).toHaveLength(1 + counts.products.total + counts.customers.total + counts.orders.total);
  expect(itemLines.filter((line) => line.includes(",Not synced,"))).toHaveLength(
    counts.products.notSynced + counts.customers.notSynced + counts.orders.notSynced,
  );

  // A filtered list's export holds exactly the rows the list counts.
  await page.goto(`${storeUrl}/customers?tab=synced&q=example`);
  const status = page.getByRole("status").filter({ hasText: /results?$/ });
  await expect(status).toHaveText(/^[\d,]+ results?$/);
  const listTotal = Number((await status.textContent())!.replace(/\D/g, ""));
  expect(listTotal).toBeGreaterThan(0);
  const listDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const listLines = await downloadedLines(await listDownload);
  expect(listLines).toHaveLength(1 + listTotal);
  expect(listLines.slice(1).every((line) => line.startsWith("customer,") && line.includes(",Synced,"))).toBe(true);
  await page.goto(storeUrl);

  // Both are in the organization's activity.
  await page.getByRole("navigation").getByRole("link", { name: "Organization settings" }).click();
  const activity = page.getByRole("list", { name: "Organization activity" }).getByRole("listitem");
  await expect(activity.filter({ hasText: /^Exported the whole mapping of sandbox-.+ as CSV/ })).toContainText(
    admin.email,
  );
  await expect(
    activity.filter({ hasText: /^Started a refresh of the products, customers and orders of sandbox-/ }),
  ).toHaveCount(1);
});
