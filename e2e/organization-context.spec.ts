import { expect, test, type Page } from "@playwright/test";
import { attachScreenshot, createOrganizationThroughForm, newUser, signUpThroughForm, uniqueSuffix } from "./helpers";

// Its own sign-up rate-limit bucket (an RFC 5737 documentation address), like stores.spec.ts.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.51" } });

/** The organization the top bar names (its switcher's accessible name starts with the visible name). */
const topBarOrganization = (page: Page) => page.getByRole("button", { name: /: switch organization$/ });

async function addSandboxStore(page: Page): Promise<string> {
  await page.getByRole("link", { name: "Add store" }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

test("two tabs on two organizations never show one's name over the other's store, and sign-in resumes the last one", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const agent = newUser("Aga Agency", "org-context", suffix);
  const maya = `Maya Goods ${suffix}`;
  const clientB = `Client B ${suffix}`;

  await page.goto("/sign-up");
  await signUpThroughForm(page, agent);
  await createOrganizationThroughForm(page, maya);
  const mayaStore = await addSandboxStore(page);
  await page.goto("/organizations/new");
  await expect(page.getByRole("heading", { level: 1, name: "Create organization" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Organization name").fill(clientB);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(topBarOrganization(page)).toHaveText(clientB);
  const clientBStore = await addSandboxStore(page);
  await page.goto("/");
  const clientBOther = await addSandboxStore(page);

  // A store's header switches to another store of its organization, on the same section; the
  // browser tab names section and store.
  await page.goto(`${clientBOther}/orders`);
  await expect(page).toHaveTitle("Orders · Sandbox store (small) · Synco");
  await page.getByRole("button", { name: "Switch store" }).click();
  await page.getByRole("link", { name: /^Sandbox store \(small\)/ }).click();
  await expect(page).toHaveURL(new RegExp(`${clientBStore}/orders$`));
  await page.goto(clientBStore);
  await expect(page).toHaveTitle("Sandbox store (small) · Synco");

  // Tab one: Maya's store, opened while the session is on Client B.
  const tabOne = await page.context().newPage();
  // Opening a store of another organization than the session's switches the session to it.
  const switched = tabOne.waitForResponse(
    (response) => response.url().endsWith("/api/organizations/active") && response.request().method() === "PUT",
  );
  await tabOne.goto(mayaStore);
  expect((await switched).status()).toBe(200);
  await expect(tabOne.getByRole("heading", { level: 1, name: "Sandbox store (small)" })).toBeVisible();
  await expect(topBarOrganization(tabOne)).toHaveText(maya);

  // Opening Maya's store made Maya the session's organization; tab two switches to Client B.
  await page.bringToFront();
  await page.goto("/");
  await expect(topBarOrganization(page)).toHaveText(maya);
  await topBarOrganization(page).click();
  await page.getByRole("menuitem", { name: new RegExp(`^${clientB} `) }).click();
  await expect(page.getByRole("heading", { level: 1, name: clientB })).toBeVisible();
  await expect(topBarOrganization(page)).toHaveText(clientB);

  // Back on tab one, whatever the session says now: its chrome is Maya's, on reload too.
  await tabOne.bringToFront();
  await tabOne.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(topBarOrganization(tabOne)).toHaveText(maya);
  await tabOne.reload();
  await expect(tabOne.getByRole("heading", { level: 1, name: "Sandbox store (small)" })).toBeVisible();
  await expect(topBarOrganization(tabOne)).toHaveText(maya);
  await attachScreenshot(tabOne, testInfo, "store-own-organization-desktop");
  await tabOne.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(tabOne, testInfo, "store-own-organization-phone");
  await tabOne.setViewportSize({ width: 1440, height: 900 });

  // Its Organization settings and Back lead into Maya even after tab two switched away again.
  await page.bringToFront();
  await page.goto(clientBStore);
  await expect(topBarOrganization(page)).toHaveText(clientB);
  await tabOne.bringToFront();
  await tabOne.getByRole("navigation").getByRole("link", { name: "Organization settings" }).click();
  await expect(tabOne.getByRole("heading", { level: 1, name: "Organization settings" })).toBeVisible();
  await expect(tabOne.getByText(maya, { exact: true }).first()).toBeVisible();
  await expect(topBarOrganization(tabOne)).toHaveText(maya);
  await expect(tabOne).toHaveURL(/\/settings$/);
  await tabOne.goto(mayaStore);
  await page.bringToFront();
  await page.goto(clientBStore);
  await expect(topBarOrganization(page)).toHaveText(clientB);
  await tabOne.bringToFront();
  await tabOne.getByRole("main").getByRole("link", { name: "Stores", exact: true }).click();
  await expect(tabOne.getByRole("heading", { level: 1, name: maya })).toBeVisible();
  await expect(topBarOrganization(tabOne)).toHaveText(maya);
  // Maya's list holds only Maya's store (each organization has one).
  await expect(tabOne.getByRole("row").filter({ hasText: "Sandbox store (small)" })).toHaveCount(1);
  await tabOne.getByRole("row").filter({ hasText: "Sandbox store (small)" }).getByRole("link").first().click();
  await expect(tabOne).toHaveURL(new RegExp(`${mayaStore}$`));

  // A new sign-in resumes Maya (used last), not Client B (joined last).
  const fresh = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.51" } });
  const again = await fresh.newPage();
  await again.goto("/sign-in");
  await again.getByLabel("Email", { exact: true }).fill(agent.email);
  await again.getByLabel("Password", { exact: true }).fill(agent.password);
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again.getByRole("heading", { level: 1, name: maya })).toBeVisible();
  await expect(topBarOrganization(again)).toHaveText(maya);
  await fresh.close();
});
