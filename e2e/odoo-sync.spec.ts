// Syncing to Odoo and getting the mapping back, end to end on a sandbox store and its own sandbox
// Odoo: every not-synced order synced with live progress, a clear, a re-sync, another clear and a
// restore from the export taken before — the sandbox Odoo's record counts unchanged throughout
// (read from the sandbox, as the sandbox's own tests do). Screenshots on a phone and a desktop;
// axe over the pages the flow adds to.
import fs from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { attachScreenshot, createOrganizationThroughForm, newUser, signUpThroughForm, uniqueSuffix } from "./helpers";
import { sandboxOdooCounts, setSandboxOdooLatency } from "./sandbox-odoo";

// Its own sign-up rate-limit bucket (an RFC 5737 documentation address), like the other specs.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.61" } });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function bothScreenshots(page: Page, testInfo: TestInfo, name: string) {
  await attachScreenshot(page, testInfo, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await attachScreenshot(page, testInfo, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

async function expectAccessible(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .exclude(".Polaris-Frame-ToastManager")
    .analyze();
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect
    .soft(
      blocking.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `axe on ${name}`,
    )
    .toEqual([]);
}

async function clearEverything(page: Page, storeUrl: string, shopDomain: string) {
  await page.goto(`${storeUrl}/settings/advanced`);
  await page.getByRole("button", { name: "Clear Synco Data" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(`Type ${shopDomain} to confirm`).fill(shopDomain);
  await dialog.getByRole("button", { name: "Clear Synco Data" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("clear-result").getByText("Synco data cleared")).toBeVisible({ timeout: 120_000 });
}

/** Orders: "Sync all not synced", then every order synced (the tabs follow the run's end). */
async function syncAllOrders(page: Page, storeUrl: string) {
  await page.goto(`${storeUrl}/orders`);
  await page.getByRole("button", { name: /^Sync all not synced \([\d,]+\)$/ }).click();
  await expect(page.getByText(/^[\d,]+ orders queued for Odoo$/)).toBeVisible();
  await expect(page.getByRole("tab", { name: /^Not synced 0$/ })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole("tab", { name: /^Failed / })).toHaveText(/^Failed 0$/);
}

test("orders synced live, cleared, re-synced, cleared and restored from an export: Odoo unchanged", async ({
  page,
}, testInfo) => {
  test.setTimeout(600_000);
  const suffix = uniqueSuffix();
  await page.goto("/sign-up");
  await signUpThroughForm(page, newUser("Odette Odoo", "odoo-sync", suffix));
  await createOrganizationThroughForm(page, `Odoo Works ${suffix}`);
  await page.goto("/stores/new");
  await page.getByText("Small", { exact: true }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  const storeUrl = page.url();
  await expect(page.getByText(/^Last refreshed from Shopify/)).toBeVisible({ timeout: 240_000 });
  const shopDomain = (await page
    .getByText(/^sandbox-[0-9a-f-]+\.myshopify\.com$/)
    .first()
    .textContent())!;

  // Every not-synced order, with live progress (Odoo slowed down so the run is watched under way).
  await page.goto(`${storeUrl}/orders`);
  const notSynced = page.getByRole("tab", { name: /^Not synced [\d,]+$/ });
  await expect(notSynced).not.toHaveText("Not synced 0");
  await setSandboxOdooLatency(shopDomain, 1_500);
  await page.getByRole("button", { name: /^Sync all not synced \([\d,]+\)$/ }).click();
  const run = page.locator('[data-testid="operation-run"][data-kind="sync"]');
  await expect(run.getByText("Syncing with Odoo")).toBeVisible();
  await expect(run.getByText(/^Orders$/)).toBeVisible();
  await bothScreenshots(page, testInfo, "sync-progress");
  await setSandboxOdooLatency(shopDomain, null);
  await expect(page.getByRole("tab", { name: /^Not synced 0$/ })).toBeVisible({ timeout: 120_000 });
  // The sandbox store comes with a few orders whose last sync failed: tried again, they sync too.
  await page.getByRole("button", { name: /^Retry failed \([\d,]+\)$/ }).click();
  await expect(page.getByRole("tab", { name: /^Failed / })).toHaveText(/^Failed 0$/, { timeout: 120_000 });
  await expect(page.getByRole("button", { name: /^Retry failed/ })).toHaveCount(0);
  await expect(run).toHaveCount(0);
  const synced = await sandboxOdooCounts(shopDomain);
  await bothScreenshots(page, testInfo, "orders-synced");
  await expectAccessible(page, "orders list with sync buttons");

  // The mapping exported, then cleared; a re-sync re-links every order and creates nothing.
  await page.goto(storeUrl);
  await page.getByRole("button", { name: "Export" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Mapping (CSV)" }).click();
  const exportFile = testInfo.outputPath("mapping-export.csv");
  await (await downloading).saveAs(exportFile);
  await clearEverything(page, storeUrl, shopDomain);
  await syncAllOrders(page, storeUrl);
  expect(await sandboxOdooCounts(shopDomain)).toEqual(synced);
  // The product says it too: the re-sync's summary, every order linked to its record, 0 created.
  const orders = Number((await page.getByRole("tab", { name: /^Synced [\d,]+$/ }).textContent())!.replace(/\D/g, ""));
  expect(orders).toBeGreaterThan(0);
  const lastSync = page.getByTestId("last-sync");
  await expect(lastSync).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(
    lastSync.getByText(`Orders: ${orders.toLocaleString("en")} linked to existing Odoo records, 0 created`, {
      exact: true,
    }),
  ).toBeVisible();
  // A re-linked order brings nothing along: no other type is counted, nothing created, nothing failed.
  await expect(lastSync.getByRole("listitem")).toHaveCount(1);
  await expect(lastSync.getByText(/[1-9][\d,]* created|failed/)).toHaveCount(0);
  await bothScreenshots(page, testInfo, "resync-summary");

  // Cleared again, and the export restored: every order mapped again, Odoo untouched. A row the
  // merchant mistyped (no such resource type) is skipped, and downloads to be fixed.
  await clearEverything(page, storeUrl, shopDomain);
  const exportHeader = (await fs.readFile(exportFile, "utf8")).split("\r\n")[0]!;
  await fs.appendFile(exportFile, "widget,1,,2,,synced\r\n");
  await page.goto(`${storeUrl}/settings/advanced`);
  await page.locator('input[type="file"]').setInputFiles(exportFile);
  await expect(page.getByText("mapping-export.csv")).toBeVisible();
  await page.getByRole("button", { name: "Restore from export" }).click();
  const result = page.getByTestId("restore-result");
  await expect(result.getByText(/^Restored [\d,]+ of [\d,]+ mappings from “mapping-export\.csv”$/)).toBeVisible({
    timeout: 120_000,
  });
  // Every order the re-sync linked comes back from the export, linked to the same records; none skipped.
  await expect(
    result.getByText(`Orders: ${orders.toLocaleString("en")} restored, 0 already mapped, 0 skipped`, { exact: true }),
  ).toBeVisible();
  await expect(result.getByText(/^Skipped: Not a valid mapping row \(1\)/)).toBeVisible();
  const download = result.getByRole("link", { name: /^Download rows not restored \([\d,]+\)$/ });
  const skipped = Number((await download.textContent())!.replace(/\D/g, ""));
  const notRestored = page.waitForEvent("download");
  await download.click();
  const notRestoredFile = await notRestored;
  expect(notRestoredFile.suggestedFilename()).toMatch(
    new RegExp(`^synco-not-restored-${shopDomain.replace(/\.myshopify\.com$/, "")}-[\\d-]+\\.csv$`),
  );
  const [downloadedHeader, ...notRestoredLines] = (await fs.readFile((await notRestoredFile.path())!, "utf8"))
    .trimEnd()
    .split("\r\n");
  // The export's columns, so the file uploads again as is, then why each row was skipped.
  expect(downloadedHeader).toBe(`${exportHeader},reason,detail`);
  expect(notRestoredLines).toHaveLength(skipped);
  expect(
    notRestoredLines.filter((line) =>
      line.endsWith(',Not a valid mapping row,"resource type “widget” is not product, customer or order"'),
    ),
  ).toHaveLength(1);
  await bothScreenshots(page, testInfo, "restore-result");
  await expectAccessible(page, "advanced settings after a restore");
  expect(await sandboxOdooCounts(shopDomain)).toEqual(synced);

  await page.goto(`${storeUrl}/orders`);
  await expect(page.getByRole("tab", { name: /^Not synced 0$/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: /^Sync all not synced/ })).toBeDisabled();

  // The audit log says it in words.
  await page.goto("/audit");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: /Restored the mapping of .* from an export: [\d,]+ restored/ })).toHaveCount(1);
});
