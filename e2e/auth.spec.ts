import { expect, test } from "@playwright/test";
import { PASSWORD, newUser, uniqueSuffix } from "./helpers";

test("signed-out visitors are sent to sign in, and come back to the page they asked for", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await expect(page.getByRole("heading", { name: "Sign in to Synco" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute(
    "href",
    "/sign-up?next=%2Fsettings",
  );
});

test("a wrong password is refused with a clear message", async ({ page, request }) => {
  const user = newUser("Wanda Wrong", "wrong-password", uniqueSuffix());
  const created = await request.post("/api/auth/sign-up/email", { data: user });
  expect(created.status()).toBe(200);

  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(`${PASSWORD}-not`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Incorrect email or password. Check them and try again.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
});

test("sign-up checks the password rules before anything is sent", async ({ page }) => {
  const sent: string[] = [];
  page.on("request", (req) => req.url().includes("/api/auth/sign-up") && sent.push(req.url()));
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill("Shorty");
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();
  expect(sent).toEqual([]);
});
