import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  attachScreenshot,
  confirmEmail,
  createOrganizationThroughForm,
  newUser,
  signUpThroughForm,
  uniqueSuffix,
} from "./helpers";

// Its own sign-up rate-limit bucket (an RFC 5737 documentation address), like the other specs.
const ADDRESS = { "x-forwarded-for": "198.51.100.32" };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
test.use({ extraHTTPHeaders: ADDRESS, ...PHONE });

/** Fully inside the screen's width as laid out (no scrolling first, which could hide a cut-off column), and the page does not scroll sideways. */
async function expectWithinWidth(page: Page, locator: Locator, what: string) {
  await expect(locator, what).toBeVisible();
  const { left, right } = await locator.evaluate((element) => element.getBoundingClientRect());
  expect(left, what).toBeGreaterThanOrEqual(0);
  expect(right, what).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(390);
}

test("on a phone, the stores table and the item lists show each row stacked, all of it on screen", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  await page.goto("/sign-up");
  await signUpThroughForm(page, newUser("Rae Rows", "phone-rows", suffix));
  await createOrganizationThroughForm(page, `Pocket Rows ${suffix}`);
  await page.getByRole("link", { name: "Add store" }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  const store = new URL(page.url()).pathname;
  await expect(page.getByText(/^Last refreshed from Shopify/)).toBeVisible({ timeout: 60_000 });

  // The dashboard: the store's name, both badges and its last activity in one stacked row.
  await page.goto("/");
  const storeRow = page.getByRole("listitem").filter({ has: page.getByText(/^Last activity: /) });
  await expectWithinWidth(page, storeRow.getByText(/^[\d,]+ failed to sync$/), "state badge");
  await expectWithinWidth(page, storeRow.getByText("Sandbox", { exact: true }), "kind badge");
  await expectWithinWidth(page, storeRow.getByText(/^Last activity: /), "last activity");
  await attachScreenshot(page, testInfo, "phone-stores", { fullPage: false });

  for (const segment of ["products", "customers", "orders"]) {
    await page.goto(`${store}/${segment}?tab=synced`);
    const row = page
      .getByRole("listitem")
      .filter({ has: page.getByText(/^Odoo ID /) })
      .first();
    await expectWithinWidth(page, row.getByText("Synced", { exact: true }), `${segment}: status badge`);
    await expectWithinWidth(page, row.getByText(/^Odoo ID \d+$/), `${segment}: Odoo ID`);
    if (segment === "orders") await expectWithinWidth(page, row.getByText(/^Invoice ID /), "orders: invoice ID");
    await expect(page.getByText(`Loading ${segment}…`).locator("visible=true")).toHaveCount(0);
    await attachScreenshot(page, testInfo, `phone-${segment}`, { fullPage: false });
  }

  // A failed order shows its error in the row, and tapping the row opens the order's drawer.
  await page.goto(`${store}/orders?tab=failed`);
  const failed = page
    .getByRole("listitem")
    .filter({ has: page.getByText(/^Odoo ID /) })
    .first();
  await expectWithinWidth(page, failed.getByText("Failed", { exact: true }), "failed: status badge");
  const name = (await failed.getByRole("button").first().textContent())!.trim();
  await expect(page.getByText("Loading orders…").locator("visible=true")).toHaveCount(0);
  await attachScreenshot(page, testInfo, "phone-orders-failed", { fullPage: false });
  await failed.getByText(/^Odoo ID /).tap();
  const drawer = page.getByRole("dialog", { name });
  await expect(drawer).toBeVisible();
  // Closed, the same row opens it again.
  await drawer.getByRole("button", { name: "Close", exact: true }).last().tap();
  await expect(drawer).toBeHidden();
  await failed.getByText(/^Odoo ID /).tap();
  await expect(drawer).toBeVisible();
});

test("on a phone, the members and invitations tables show each row's controls on screen", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const teammate = newUser("Mo Member", "phone-teammate", suffix);
  const organizationName = `Pocket Team ${suffix}`;
  await page.goto("/sign-up");
  await signUpThroughForm(page, newUser("Oli Owner", "phone-owner", suffix));
  await createOrganizationThroughForm(page, organizationName);

  await page.goto("/settings");
  await page.getByLabel("Email address", { exact: true }).fill(teammate.email);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByRole("textbox", { name: "Invitation link" }).inputValue();
  // While it is pending, the invitation's row keeps its actions on screen too.
  await expectWithinWidth(
    page,
    page.getByRole("button", { name: `Cancel invitation for ${teammate.email}` }),
    "Cancel invitation",
  );
  await attachScreenshot(page, testInfo, "phone-invitations", { fullPage: false });

  const teammateContext = await browser.newContext({ extraHTTPHeaders: ADDRESS });
  const teammatePage = await teammateContext.newPage();
  await teammatePage.goto(link);
  await teammatePage.getByRole("link", { name: "Create account" }).click();
  await signUpThroughForm(teammatePage, teammate);
  await confirmEmail(teammatePage, teammate.email);
  await teammatePage.goto(link);
  await teammatePage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(teammatePage.getByRole("heading", { level: 1, name: organizationName })).toBeVisible();
  await teammateContext.close();

  await page.reload();
  const role = page.getByRole("combobox", { name: `Role of ${teammate.name}` });
  await expectWithinWidth(page, role, "role selector");
  await expectWithinWidth(page, page.getByRole("button", { name: `Remove ${teammate.name}` }), "Remove button");
  await expectWithinWidth(page, page.getByText(teammate.email, { exact: true }), "email");
  await role.scrollIntoViewIfNeeded();
  await attachScreenshot(page, testInfo, "phone-members", { fullPage: false });
});
