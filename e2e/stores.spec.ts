import { expect, test } from "@playwright/test";
import { attachScreenshot, createOrganizationThroughForm, newUser, signUpThroughForm, uniqueSuffix } from "./helpers";

// Sign-ups are limited to 3 per 10 s per client address, read from X-Forwarded-For (decision 8),
// and the other specs use those 3. This spec's one sign-up comes from its own documentation
// address (RFC 5737), so it never competes with them however the workers interleave.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.24" } });

test("an admin adds sandbox stores from the dashboard, renames one and disconnects another", async ({
  page,
}, testInfo) => {
  // It waits for the small store's first import to end, to see its health in the list.
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const admin = newUser("Ada Admin", "stores-admin", suffix);
  const organizationName = `Northwind Goods ${suffix}`;
  const renamed = `Northwind demo ${suffix}`;

  await page.goto("/sign-up");
  await signUpThroughForm(page, admin);
  await createOrganizationThroughForm(page, organizationName);

  // An empty dashboard offers to add a store; the server has no Shopify app, and the page says so.
  await expect(page.getByText("No stores connected yet")).toBeVisible();
  await page.getByRole("link", { name: "Add store" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add store" })).toBeVisible();
  await expect(page.getByText("Connecting with Shopify is not set up on this server")).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue to Shopify" })).toBeDisabled();
  await expect(page.getByRole("radio", { name: "Small" })).toBeChecked();
  await attachScreenshot(page, testInfo, "add-store");
  // The custom-app form checks its fields before anything goes to Shopify.
  await page.getByRole("button", { name: "Connect store" }).click();
  await expect(page.getByText("Admin API access token is required")).toBeVisible();
  await expect(page.getByLabel("Admin API access token")).toHaveAttribute("type", "password");
  await page.getByRole("button", { name: "Add sandbox store" }).click();

  // The new store's page: ready at once, with its settings.
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sandbox store (small)" })).toBeVisible();
  const shopDomain = (await page
    .getByText(/^sandbox-[0-9a-f-]+\.myshopify\.com$/)
    .first()
    .textContent())!;

  // Listed on the dashboard with its kind and state.
  await page.getByRole("navigation").getByRole("link", { name: "Stores" }).click();
  await expect(page).toHaveURL(/\/$/);
  const smallRow = page.getByRole("row").filter({ hasText: shopDomain });
  await expect(smallRow.getByText("Sandbox", { exact: true })).toBeVisible();
  // Its health once its first import ends: the sandbox's earlier install left some items failed.
  await expect(smallRow.getByText(/^[\d,]+ failed to sync$/)).toBeVisible({ timeout: 60_000 });
  await expect(smallRow).toContainText("Sandbox store (small)");

  // Open it from the list and rename it in its settings.
  await smallRow.getByRole("link", { name: "Sandbox store (small)" }).click();
  await page.getByRole("navigation", { name: "Store sections" }).getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Store name").fill(renamed);
  // Settings has more than one form (the Odoo connection has its own Save).
  await page
    .locator("form")
    .filter({ has: page.getByLabel("Store name") })
    .getByRole("button", { name: "Save" })
    .click();
  await expect(page.getByText("Store settings saved")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
  await attachScreenshot(page, testInfo, "store");

  // A medium store seeds in the background: its page follows along until it is ready.
  await page.getByRole("navigation").getByRole("link", { name: "Stores" }).click();
  await expect(page.getByRole("row").filter({ hasText: shopDomain })).toContainText(renamed);
  await page.getByRole("link", { name: "Add store" }).click();
  // Polaris draws its own radio over the input, so the user (and the test) clicks the label.
  await page.getByText("Medium", { exact: true }).click();
  await expect(page.getByRole("radio", { name: "Medium" })).toBeChecked();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sandbox store (medium)" })).toBeVisible();
  // The toast says what happened, not "seeding", which the page follows live and which ends first.
  await expect(page.getByRole("status").filter({ hasText: "Sandbox store added" })).toHaveText("Sandbox store added");
  await expect(page.getByText("Sandbox store ready")).toBeVisible({ timeout: 60_000 });
  // "Ready" comes with the cards' own counts, at the same moment: never "500 products" over a 0.
  const holds = page.getByText(/It holds [\d,]+ products, [\d,]+ customers and [\d,]+ orders/);
  await expect(holds).toHaveText("It holds 500 products, 2,000 customers and 5,000 orders.");
  for (const [type, total] of [
    ["products", 500],
    ["customers", 2_000],
    ["orders", 5_000],
  ] as const) {
    await expect(page.getByRole("link", { name: `All ${type}: ${total}` })).toBeVisible({ timeout: 1 });
  }

  // Disconnecting (in the store's settings) asks first, then the store stays listed as disconnected.
  await page.getByRole("navigation", { name: "Store sections" }).getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Disconnect store" }).click();
  const dialog = page.getByRole("dialog", { name: "Disconnect Sandbox store (medium)?" });
  await expect(dialog).toContainText("deletes the store's access credentials");
  await dialog.getByRole("button", { name: "Disconnect store" }).click();
  await expect(page.getByText("This store is disconnected")).toBeVisible();
  await expect(page.getByRole("button", { name: "Disconnect store" })).toHaveCount(0);
  await expect(page.getByText("A sandbox store cannot be reconnected, but you can add a new one")).toBeVisible();
  await attachScreenshot(page, testInfo, "store-disconnected");

  await page.getByRole("navigation").getByRole("link", { name: "Stores" }).click();
  await expect(
    page.getByRole("row").filter({ hasText: "Sandbox store (medium)" }).getByText("Disconnected", { exact: true }),
  ).toBeVisible();
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: renamed })
      .getByText(/^[\d,]+ failed to sync$/),
  ).toBeVisible();
  await attachScreenshot(page, testInfo, "dashboard");

  // A refused Shopify connection lands on /stores with its reason, said plainly and dismissible.
  await page.goto("/stores?oauth_error=expired_state");
  const refused = page.getByText("The connection request expired before Shopify sent you back");
  await expect(refused).toBeVisible();
  await page.getByRole("button", { name: "Dismiss notification" }).click();
  await expect(page).toHaveURL(/\/stores$/);
  await expect(refused).toHaveCount(0);

  // Each change is in the organization's activity.
  await page.getByRole("navigation").getByRole("link", { name: "Organization settings" }).click();
  const activity = page.getByRole("list", { name: "Organization activity" }).getByRole("listitem");
  await expect(activity.filter({ hasText: `Added a small sandbox store (${shopDomain})` })).toContainText(admin.email);
  await expect(
    activity.filter({ hasText: `Updated ${shopDomain}: renamed it from “Sandbox store (small)” to “${renamed}”` }),
  ).toBeVisible();
  await expect(activity.filter({ hasText: /^Disconnected sandbox-/ })).toHaveCount(1);
});
