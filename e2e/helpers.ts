import fs from "node:fs/promises";
import path from "node:path";
import { expect, type Browser, type Page, type TestInfo } from "@playwright/test";

export const PASSWORD = "sync-safely-2026";

/** A suffix unique to this run and worker, so runs never collide on emails or names. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export type TestUser = { name: string; email: string; password: string };

export function newUser(name: string, label: string, suffix: string): TestUser {
  return { name, email: `${label}-${suffix}@example.test`, password: PASSWORD };
}

/** Fills and submits the sign-up form the page is on. */
export async function signUpThroughForm(page: Page, user: TestUser) {
  await expect(page.getByRole("heading", { name: "Create your Synco account" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(user.name);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/**
 * Names and creates an organization on the page a new user lands on after signing up. Waits for
 * the page to settle and for the name to hold: typed before React hydrates the form, it can be
 * lost, and the button would then submit an empty name.
 */
export async function createOrganizationThroughForm(page: Page, name: string) {
  await expect(page.getByRole("heading", { name: "Create your organization" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const field = page.getByLabel("Organization name");
  await expect(async () => {
    await field.fill(name);
    await expect(field).toHaveValue(name, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** Saves a screenshot (the full page unless told otherwise) in the test's output folder and attaches it to the report. */
export async function attachScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/**
 * Opens the email-verification link Synco mailed to `email`: with no mail server configured, mails
 * are files in the server's outbox (`$SYNCO_DATA_DIR/mail`, lib/mail/send-mail.ts) on this machine.
 */
export async function confirmEmail(page: Page, email: string) {
  const dir = path.resolve(process.env.SYNCO_DATA_DIR ?? ".data", "mail");
  let url: string | undefined;
  await expect
    .poll(
      async () => {
        const files = (await fs.readdir(dir).catch(() => [] as string[])).sort().reverse();
        for (const file of files) {
          const mail = JSON.parse(await fs.readFile(path.join(dir, file), "utf8")) as {
            to: string;
            kind: string;
            text: string;
          };
          if (mail.to === email && mail.kind === "email-verification") {
            url = /https?:\/\/\S+/.exec(mail.text)?.[0];
            return Boolean(url);
          }
        }
        return false;
      },
      { message: `a verification mail to ${email}` },
    )
    .toBe(true);
  // Sign-up may still be redirecting this page: a navigation it interrupts is simply made again.
  await expect(async () => {
    await page.goto(url!);
  }).toPass({ timeout: 30_000 });
}

/**
 * The owner on `ownerPage` invites `teammate` with a role; the teammate signs up from the link in a
 * browser context of their own, accepts, and lands on the organization's home. Returns their page.
 */
export async function inviteTeammate(
  ownerPage: Page,
  browser: Browser,
  teammate: TestUser,
  role: "member" | "admin",
  headers: Record<string, string>,
): Promise<Page> {
  await ownerPage.goto("/settings");
  await ownerPage.getByLabel("Email address", { exact: true }).fill(teammate.email);
  await ownerPage.getByLabel("Role", { exact: true }).selectOption(role);
  await ownerPage.getByRole("button", { name: "Create invitation" }).click();
  const linkField = ownerPage.getByRole("textbox", { name: "Invitation link" });
  await expect(linkField).toHaveValue(/\/invitations\/[\w-]{43}$/);
  const link = await linkField.inputValue();
  const context = await browser.newContext({ extraHTTPHeaders: headers });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create account" }).click();
  await signUpThroughForm(page, teammate);
  // Sign-up leads back to the invitation; joining needs a confirmed address (decision 46): open the
  // mailed link, then the invitation again.
  await expect(page).toHaveURL(/\/invitations\//);
  await expect(page.getByRole("button", { name: "Accept invitation" })).toBeVisible();
  await confirmEmail(page, teammate.email);
  await page.goto(link);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(/\/$/);
  return page;
}
