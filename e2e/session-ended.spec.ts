import { expect, test, type Page } from "@playwright/test";
import { createOrganizationThroughForm, newUser, signUpThroughForm, uniqueSuffix } from "./helpers";

// Sign-up and sign-in are limited per client address (decision 8): this spec's own RFC 5737 addresses.
const addressFor = (page: Page, last: number) => page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${last}` });

test("a session that ends while a list is open leads to sign-in and back to the same list, tab and search included", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const user = newUser("Sam Session", "session-admin", suffix);
  await addressFor(page, 30);
  await page.goto("/sign-up");
  await signUpThroughForm(page, user);
  await createOrganizationThroughForm(page, `Hourglass Goods ${suffix}`);
  await page.getByRole("link", { name: "Add store" }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);

  const list = `${new URL(page.url()).pathname}/orders?tab=synced&q=example.com`;
  await page.goto(list);
  const rows = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
  await expect(rows.first()).toBeVisible();

  // The session is revoked on the server (signed out in another tab) while this tab keeps its cookie.
  const staleCookies = await context.cookies();
  const otherTab = await context.newPage();
  await otherTab.goto("/");
  await otherTab.getByRole("button", { name: new RegExp(`^${user.name} `) }).click();
  await otherTab.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(otherTab.getByRole("heading", { name: "Sign in to Synco" })).toBeVisible();
  await otherTab.close();
  await context.addCookies(staleCookies);

  // Opening an order (now in the URL) loads its details: the API answers 401 and the page goes to
  // sign-in, with the way back to the list and the order.
  await rows.first().getByRole("button").first().click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  const next = new URL(page.url()).searchParams.get("next")!;
  expect(next).toMatch(new RegExp(`^${list.replace(/[?.]/g, "\\$&")}&item=\\d+$`));
  await addressFor(page, 31);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(`${baseURL}${next}`);
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(`${baseURL}${list}`);
  await expect(page.getByRole("tab", { name: /^Synced/, selected: true })).toBeVisible();
  await expect(page.getByLabel("Search orders")).toHaveValue("example.com");
  await expect(rows.first()).toBeVisible();
});
