import { expect, test } from "@playwright/test";
import {
  attachScreenshot,
  confirmEmail,
  createOrganizationThroughForm,
  newUser,
  signUpThroughForm,
  uniqueSuffix,
} from "./helpers";

// Two sign-ups: the auth endpoints allow 3 per 10 seconds per address, and the other spec uses one.
test("a new user creates an organization, invites a teammate, who accepts and sees it", async ({
  browser,
  baseURL,
}, testInfo) => {
  const suffix = uniqueSuffix();
  const owner = newUser("Olivia Owner", "owner", suffix);
  const teammate = newUser("Tom Teammate", "teammate", suffix);
  const organizationName = `Acme Outdoor ${suffix}`;

  // The owner signs up; with no organization yet, Synco asks for one.
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await ownerPage.goto("/sign-up");
  await signUpThroughForm(ownerPage, owner);
  await createOrganizationThroughForm(ownerPage, organizationName);
  await expect(ownerPage.getByText("No stores connected yet")).toBeVisible();

  // The owner invites the teammate and reads the link Synco shows (there is no mail server).
  await ownerPage.getByRole("link", { name: "Organization settings" }).click();
  await ownerPage.getByLabel("Email address", { exact: true }).fill(teammate.email);
  await expect(ownerPage.getByLabel("Role", { exact: true })).toHaveValue("member");
  await ownerPage.getByRole("button", { name: "Create invitation" }).click();
  const linkField = ownerPage.getByRole("textbox", { name: "Invitation link" });
  await expect(linkField).toHaveValue(/\/invitations\/[\w-]{43}$/);
  const link = await linkField.inputValue();
  expect(link.startsWith(`${baseURL}/invitations/`)).toBe(true);
  await expect(ownerPage.getByRole("row").filter({ hasText: teammate.email })).toBeVisible();

  // The teammate opens the link in another browser, signs up from it and comes back to accept.
  const teammateContext = await browser.newContext();
  const teammatePage = await teammateContext.newPage();
  await teammatePage.goto(link);
  await expect(teammatePage.getByRole("heading", { name: "You're invited to Synco" })).toBeVisible();
  await teammatePage.getByRole("link", { name: "Create account" }).click();
  // A live invitation's link fills in the address it was sent to (decision 97).
  await expect(teammatePage.getByLabel("Email", { exact: true })).toHaveValue(teammate.email);
  await expect(teammatePage.getByText("The address your invitation was sent to.")).toBeVisible();
  await attachScreenshot(teammatePage, testInfo, "sign-up-from-invitation-desktop");
  await teammatePage.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(teammatePage, testInfo, "sign-up-from-invitation-phone");
  await teammatePage.setViewportSize({ width: 1440, height: 900 });
  await signUpThroughForm(teammatePage, teammate);
  await expect(teammatePage.getByRole("heading", { name: `Join ${organizationName}` })).toBeVisible();
  await expect(teammatePage.getByText(`${owner.name} invited you to join ${organizationName}`)).toBeVisible();
  await attachScreenshot(teammatePage, testInfo, "invitation");
  // The address must be proven before joining: Synco mailed a confirmation link at sign-up.
  await teammatePage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(teammatePage.getByText(/Confirm your email address first/)).toBeVisible();
  // The first mail may be lost: the link can be sent again from here; the newest one is opened.
  await teammatePage.getByRole("button", { name: "Send the link again" }).click();
  await expect(teammatePage.getByRole("status")).toHaveText(
    `We sent a new confirmation link to ${teammate.email}. Open it, then accept the invitation.`,
  );
  await attachScreenshot(teammatePage, testInfo, "confirmation-sent-again");
  await confirmEmail(teammatePage, teammate.email);
  await teammatePage.goto(link);
  await teammatePage.getByRole("button", { name: "Accept invitation" }).click();

  // The organization is now the teammate's active one: home, switcher and members list show it.
  await expect(teammatePage).toHaveURL(`${baseURL}/`);
  await expect(teammatePage.getByRole("heading", { level: 1, name: organizationName })).toBeVisible();
  await expect(teammatePage.getByRole("button", { name: `${organizationName}: switch organization` })).toBeVisible();
  await attachScreenshot(teammatePage, testInfo, "dashboard");

  await teammatePage.getByRole("link", { name: "Organization settings" }).click();
  await expect(teammatePage.getByRole("row").filter({ hasText: owner.email })).toBeVisible();
  await expect(teammatePage.getByRole("row").filter({ hasText: teammate.email })).toBeVisible();
  // A member sees the settings read-only.
  await expect(teammatePage.getByText("You have read-only access")).toBeVisible();
  await expect(teammatePage.getByRole("combobox")).toHaveCount(0);
  await expect(teammatePage.getByRole("button", { name: "Create invitation" })).toHaveCount(0);
  await expect(teammatePage.getByRole("button", { name: "Save" })).toHaveCount(0);

  // The owner sees the teammate as a member, the invitation gone, and can promote them.
  await ownerPage.reload();
  const teammateRole = ownerPage.getByRole("combobox", { name: `Role of ${teammate.name}` });
  await expect(teammateRole).toHaveValue("member");
  await expect(ownerPage.getByText("No pending invitations.")).toBeVisible();
  await teammateRole.selectOption("admin");
  await expect(ownerPage.getByText(`${teammate.name} is now admin`)).toBeVisible();
  // The change is in the organization's activity, attributed to the owner.
  const activity = ownerPage
    .getByRole("list", { name: "Organization activity" })
    .getByRole("listitem")
    .filter({ hasText: `Changed ${teammate.email}'s role from member to admin` });
  await expect(activity).toContainText(owner.email);
  await attachScreenshot(ownerPage, testInfo, "organization-settings");

  // The promotion reaches the teammate: the invite form appears for them.
  await teammatePage.reload();
  await expect(teammatePage.getByRole("button", { name: "Create invitation" })).toBeVisible();

  await teammatePage.getByRole("button", { name: new RegExp(`^${teammate.name} `) }).click();
  await teammatePage.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(teammatePage.getByRole("heading", { name: "Sign in to Synco" })).toBeVisible();

  // A used link, or one that never was, fills in nothing and says nothing: the plain forms.
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  const token = new URL(link).pathname.split("/").pop()!;
  for (const dead of [token, "A".repeat(43)]) {
    for (const form of ["sign-up", "sign-in"]) {
      await stranger.goto(`/${form}?next=${encodeURIComponent(`/invitations/${dead}`)}`);
      await expect(stranger.getByLabel("Email", { exact: true })).toHaveValue("");
      await expect(stranger.getByText("The address your invitation was sent to.")).toHaveCount(0);
      expect(await stranger.content()).not.toContain(teammate.email);
    }
  }
  await strangerContext.close();
  await ownerContext.close();
  await teammateContext.close();
});
