import { expect, test, type Page } from "@playwright/test";
import { createOrganizationThroughForm, newUser, signUpThroughForm, uniqueSuffix, type TestUser } from "./helpers";

// Sign-in attempts are limited per client address (decision 8): each step below comes from its
// own RFC 5737 documentation address, so neither this spec nor the others run into the limit.
const addressFor = (page: Page, last: number) => page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${last}` });

async function signIn(page: Page, user: TestUser) {
  await expect(page.getByRole("heading", { name: "Sign in to Synco" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("signing in again comes back to the exact list address, tab and search included, and never leaves the site", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const user = newUser("Rita Return", "return-admin", suffix);
  await addressFor(page, 27);
  await page.goto("/sign-up");
  await signUpThroughForm(page, user);
  await createOrganizationThroughForm(page, `Boomerang Goods ${suffix}`);
  await page.getByRole("link", { name: "Add store" }).click();
  await page.getByRole("button", { name: "Add sandbox store" }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  const deepLink = `${new URL(page.url()).pathname}/orders?tab=failed&q=1001`;
  const signInFor = (path: string) => `/sign-in?next=${encodeURIComponent(path)}`;
  const expectList = async () => {
    await expect(page).toHaveURL(`${baseURL}${deepLink}`);
    await expect(page.getByRole("tab", { name: /^Failed/, selected: true })).toBeVisible();
    await expect(page.getByLabel("Search orders")).toHaveValue("1001");
  };

  // A session that ended while its cookie stayed in the browser: the server page sends the visitor to sign-in.
  const staleCookies = await context.cookies();
  await page.getByRole("button", { name: new RegExp(`^${user.name} `) }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Synco" })).toBeVisible();
  await context.addCookies(staleCookies);
  await page.goto(deepLink);
  await expect(page).toHaveURL(`${baseURL}${signInFor(deepLink)}`);
  await addressFor(page, 28);
  await signIn(page, user);
  await expectList();

  // No cookie at all: the proxy sends the visitor to sign-in, with the same way back.
  await context.clearCookies();
  await page.goto(deepLink);
  await expect(page).toHaveURL(`${baseURL}${signInFor(deepLink)}`);
  await addressFor(page, 29);
  await signIn(page, user);
  await expectList();

  // Signed in, sign-in forwards to `next` at once: other sites are replaced by the dashboard.
  for (const next of [
    "//evil.example/",
    "https://evil.example/",
    "/\\evil.example/",
    "/.//evil.example/",
    "/\t/evil.example/",
  ]) {
    await page.goto(signInFor(next));
    await expect(page, next).toHaveURL(`${baseURL}/`);
  }
});
