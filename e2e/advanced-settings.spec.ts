import { expect, test, type Page } from "@playwright/test";
import {
  attachScreenshot,
  createOrganizationThroughForm,
  inviteTeammate,
  newUser,
  signUpThroughForm,
  uniqueSuffix,
} from "./helpers";

// Its own sign-up rate-limit bucket (an RFC 5737 documentation address), like the other specs.
const HEADERS = { "x-forwarded-for": "198.51.100.41" };
test.use({ extraHTTPHeaders: HEADERS });

/** A new owner, their organization and a small sandbox store, read from Shopify; returns the store's address. */
async function ownerWithStore(page: Page, label: string) {
  const suffix = uniqueSuffix();
  const owner = newUser("Ines Owner", label, suffix);
  await page.goto("/sign-up");
  await signUpThroughForm(page, owner);
  await createOrganizationThroughForm(page, `Harbor Supply ${suffix}`);
  await page.getByRole("link", { name: "Add store" }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/^Last refreshed from Shopify/)).toBeVisible({ timeout: 120_000 });
  return { owner, suffix, storeUrl: page.url() };
}

test("Advanced settings explain the clear, list the store's runs, and disconnecting offers to clear first", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const { storeUrl } = await ownerWithStore(page, "advanced-owner");

  await page.getByRole("navigation", { name: "Store sections" }).getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Open advanced settings" }).click();
  await expect(page).toHaveURL(`${storeUrl}/settings/advanced`);
  // The Settings tab stays selected; the page explains the clear point by point.
  await expect(
    page.getByRole("navigation", { name: "Store sections" }).getByRole("tab", { name: "Settings" }),
  ).toHaveAttribute("aria-selected", "true");
  for (const heading of ["What is deleted", "Why this data matters", "What Odoo keeps", "Afterwards", "When to use it"])
    await expect(page.getByRole("heading", { level: 3, name: heading })).toBeVisible();
  await expect(page.getByText("This cannot be undone")).toBeVisible();
  await expect(page.getByText(/the Odoo order ID and the Odoo invoice ID/)).toBeVisible();
  await expect(page.getByText("You have read-only access")).toHaveCount(0);

  // History: the seeding and the first read from Shopify, who, how long, and how they ended — in words.
  const history = page.getByRole("table");
  const refresh = history.getByRole("row").filter({ hasText: "Refresh from Shopify" });
  await expect(refresh).toBeVisible();
  await expect(refresh.getByText("Succeeded")).toBeVisible();
  await expect(refresh.getByText(/Synco, after the store was connected/)).toBeVisible();
  await expect(refresh.getByText(/^\d+ (s|min \d+ s)$/)).toBeVisible();
  await page.getByLabel("Show").selectOption("index_refresh");
  await expect(history.getByRole("row").filter({ hasText: "Sandbox seeding" })).toHaveCount(0);
  await expect(refresh).toBeVisible();
  await attachScreenshot(page, testInfo, "advanced-settings-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { level: 3, name: "What is deleted" })).toBeVisible();
  await attachScreenshot(page, testInfo, "advanced-settings-phone");
  await page.setViewportSize({ width: 1440, height: 900 });

  // Disconnecting says why clearing first matters, and leads to it.
  await page.goto(`${storeUrl}/settings`);
  await page.getByRole("button", { name: "Disconnect store" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("Clear Synco data first?")).toBeVisible();
  await expect(dialog.getByText(/Synco can no longer remove it once its access is gone/)).toBeVisible();
  await attachScreenshot(page, testInfo, "disconnect-offers-clear", { fullPage: false });
  await dialog.getByRole("link", { name: "Clear Synco data first" }).click();
  await expect(page).toHaveURL(`${storeUrl}/settings/advanced`);
});

test("the audit log lists every store's actions in words, filters them, exports a CSV it records; members see neither", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const { owner, suffix, storeUrl } = await ownerWithStore(page, "audit-owner");
  const member = newUser("Milo Member", "audit-member", suffix);
  const memberPage = await inviteTeammate(page, browser, member, "member", HEADERS);

  await page.getByRole("navigation").getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  const added = rows.filter({ hasText: /Added a small sandbox store \(sandbox-[0-9a-f-]+\.myshopify\.com\)/ });
  await expect(added).toBeVisible();
  await expect(added).toContainText(owner.email);
  await expect(added).toContainText("Succeeded");
  await expect(rows.filter({ hasText: `Invited ${member.email} as member` })).toBeVisible();

  // Filter: one action, then one person; the address keeps them.
  await page.getByLabel("Action").selectOption({ label: "Store connected" });
  await expect(page).toHaveURL(/action=store\.connected/);
  await expect(rows.filter({ hasText: "Invited" })).toHaveCount(0);
  await expect(added).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Action")).toHaveValue("store.connected");
  await expect(added).toBeVisible();
  await page.getByLabel("Action").selectOption({ label: "All actions" });
  await page.getByLabel("Person").fill(member.email);
  await page.getByLabel("Person").press("Enter");
  await expect(rows.filter({ hasText: "Joined as member (accepted an invitation)" })).toBeVisible();
  await expect(added).toHaveCount(0);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(added).toBeVisible();
  await attachScreenshot(page, testInfo, "audit-log-desktop");

  // The CSV: the filtered entries in the same words; the export itself is recorded.
  await page.getByLabel("Action").selectOption({ label: "Store connected" });
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export these entries (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^synco-audit-log-[\d-]+\.csv$/);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe("time,store,shop_domain,actor,action,action_name,what_happened,outcome,ip,user_agent");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("Store connected,Added a small sandbox store");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(rows.filter({ hasText: "Exported the audit log as CSV (only “Store connected”)" })).toBeVisible();

  // On a phone each entry is one stacked row.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByText(/^Added a small sandbox store/)).toBeVisible();
  await attachScreenshot(page, testInfo, "audit-log-phone");

  // A member: no audit log in the navigation, the page says why; the store's advanced settings read-only.
  await expect(memberPage.getByRole("navigation").getByRole("link", { name: "Stores" })).toBeVisible();
  await expect(memberPage.getByRole("navigation").getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await memberPage.goto("/audit");
  await expect(memberPage.getByText("Only owners and admins can see the audit log")).toBeVisible();
  await memberPage.goto(`${storeUrl}/settings/advanced`);
  await expect(memberPage.getByText("You have read-only access")).toBeVisible();
  await expect(memberPage.getByText(/Only owners and admins can clear Synco data/)).toBeVisible();
  await expect(memberPage.getByRole("button", { name: "Clear Synco Data" })).toHaveCount(0);
  await attachScreenshot(memberPage, testInfo, "advanced-settings-member");
});
