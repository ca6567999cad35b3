import { expect, test } from "@playwright/test";
import {
  attachScreenshot,
  createOrganizationThroughForm,
  inviteTeammate,
  newUser,
  signUpThroughForm,
  uniqueSuffix,
} from "./helpers";
import { createSandboxOdooKey } from "./sandbox-odoo-keys";

// Its own sign-up rate-limit bucket (an RFC 5737 documentation address), like the other specs.
const HEADERS = { "x-forwarded-for": "198.51.100.52" };
test.use({ extraHTTPHeaders: HEADERS });

test("an admin enters an Odoo connection (a wrong key first), tests it and sees the version; a member reads it", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const owner = newUser("Olga Owner", "odoo-owner", suffix);
  await page.goto("/sign-up");
  await signUpThroughForm(page, owner);
  await createOrganizationThroughForm(page, `Fjord Goods ${suffix}`);
  await page.getByRole("link", { name: "Add store" }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  const storeUrl = page.url();

  const adminPage = await inviteTeammate(page, browser, newUser("Ada Admin", "odoo-admin", suffix), "admin", HEADERS);
  const memberPage = await inviteTeammate(
    page,
    browser,
    newUser("Max Member", "odoo-member", suffix),
    "member",
    HEADERS,
  );

  // The sandbox store came connected to a sandbox Odoo of its own; the key is only "saved".
  await adminPage.goto(`${storeUrl}/settings`);
  const section = adminPage.locator("#odoo-connection");
  await expect(section.getByText(/connected to a sandbox Odoo of its own/)).toBeVisible();
  const database = await section.getByLabel("Database").inputValue();
  expect(database).toMatch(/^sandbox-[0-9a-f-]+$/);
  await expect(section.getByLabel("Login")).toHaveValue("synco@example.com");
  await expect(section.getByLabel("API key")).toHaveValue("");
  await expect(section.getByText(/A key is saved \(it is never shown\)/)).toBeVisible();

  // The admin switches to their own Odoo user: a wrong key first, then the one made in Odoo.
  const url = await section.getByLabel("Odoo URL").inputValue();
  await section.getByLabel("Odoo URL").fill(url);
  await section.getByLabel("Login").fill("admin");
  await section.getByLabel("API key").fill("0123456789abcdef0123456789abcdef01234567");
  await section.getByRole("button", { name: "Test connection" }).click();
  const failure = section.getByText("Odoo refused the login or API key");
  await expect(failure).toBeVisible();
  await expect(section.getByText(/Odoo refused the login “admin” with this API key/)).toBeVisible();
  await attachScreenshot(adminPage, testInfo, "odoo-wrong-key-desktop");

  const key = await createSandboxOdooKey(database, "admin");
  await section.getByLabel("API key").fill(key);
  await section.getByLabel("Protocol").selectOption("auto");
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByText("Connected to Odoo 19.0")).toBeVisible();
  await expect(section.getByText(/Signed in as Administrator \(admin\) over JSON-2/)).toBeVisible();
  await expect(section.getByText(/all granted/)).toBeVisible();
  await expect(failure).toHaveCount(0);
  await attachScreenshot(adminPage, testInfo, "odoo-connected-desktop");
  await adminPage.setViewportSize({ width: 390, height: 844 });
  await section.getByText("Connected to Odoo 19.0").scrollIntoViewIfNeeded();
  await attachScreenshot(adminPage, testInfo, "odoo-connected-phone");
  await adminPage.setViewportSize({ width: 1440, height: 900 });

  await section.getByRole("button", { name: "Save" }).click();
  await expect(adminPage.getByText("Odoo connection saved")).toBeVisible();
  // Saved: the key is gone from the page and from what the API sends; a test of the saved connection is kept.
  await expect(section.getByLabel("API key")).toHaveValue("");
  await expect(section.getByLabel("Login")).toHaveValue("admin");
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByText("Connected to Odoo 19.0")).toBeVisible();
  const api = await adminPage.request.get(`/api/stores/${storeUrl.split("/").pop()}/odoo`);
  const body = await api.text();
  expect(body).not.toContain(key);
  expect(JSON.parse(body).connection).toMatchObject({ login: "admin", apiKeySet: true, sandbox: true });

  // A member reads it, with the reason they cannot change it.
  await memberPage.goto(`${storeUrl}/settings`);
  const readOnly = memberPage.locator("#odoo-connection");
  await expect(
    readOnly.getByText("Only owners and admins can connect, test or change the Odoo connection."),
  ).toBeVisible();
  await expect(readOnly.getByText(database, { exact: true })).toBeVisible();
  await expect(readOnly.getByText("admin", { exact: true })).toBeVisible();
  await expect(readOnly.getByText("Set (hidden)")).toBeVisible();
  await expect(readOnly.getByText(/^Connected to Odoo 19\.0/)).toBeVisible();
  await expect(readOnly.getByRole("button", { name: "Test connection" })).toHaveCount(0);
  await expect(readOnly.getByRole("textbox")).toHaveCount(0);
  await attachScreenshot(memberPage, testInfo, "odoo-member-desktop");
  await memberPage.setViewportSize({ width: 390, height: 844 });
  await readOnly.scrollIntoViewIfNeeded();
  await attachScreenshot(memberPage, testInfo, "odoo-member-phone");

  // The change is in the audit log, in words.
  await page.goto("/audit");
  await expect(page.getByText(/Changed the Odoo connection of .*login to “admin”, a new API key/)).toBeVisible();
});
