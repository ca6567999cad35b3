// Seeds users and organizations through the real sign-up and API routes. Every helper makes
// unique names, so test files run in parallel on one database without resets.
import { randomBytes, randomUUID } from "node:crypto";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as acceptRoute from "@/app/api/invitations/[token]/accept/route";
import * as invitationsRoute from "@/app/api/organization/invitations/route";
import * as organizationsRoute from "@/app/api/organizations/route";
import { readOutbox } from "@/lib/mail/send-mail";
import { CLIENT_ADDRESS_HEADER } from "@/lib/runtime/client-address";
import type { Role } from "@/lib/vocabulary/organizations";
import { call } from "./http";

export type TestUser = { id: string; email: string; name: string; password: string; cookie: string; ip: string };

export const PASSWORD = "correct-horse-42";

/** A fresh client address, so better-auth's per-IP rate limit treats each test user apart. */
export function fakeIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** The headers that carry a test client's address to the route handlers, or none. */
export function clientHeaders(ip?: string): Record<string, string> {
  return ip ? { [CLIENT_ADDRESS_HEADER]: ip } : {};
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function signUp(options: { email?: string; name?: string } = {}): Promise<TestUser> {
  const email = options.email ?? uniqueEmail();
  const name = options.name ?? `Test ${email.split("@")[0]}`;
  const ip = fakeIp();
  const res = await call(authRoute.POST, "POST", "/api/auth/sign-up/email", {
    body: { email, name, password: PASSWORD },
    headers: clientHeaders(ip),
  });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, name, password: PASSWORD, cookie: sessionCookie(res.headers), ip };
}

/** The secret at the end of an invitation link. */
export const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

/** Opens the email-verification link better-auth mailed to the user at sign-up (the local outbox). */
export async function confirmEmail(user: Pick<TestUser, "email">): Promise<void> {
  for (let tries = 0; ; tries++) {
    const mail = (await readOutbox(user.email)).find((sent) => sent.kind === "email-verification");
    const url = mail && /https?:\/\/\S+/.exec(mail.text)?.[0];
    if (url) {
      const res = await call(authRoute.GET, "GET", url);
      if (res.status >= 400) throw new Error(`email verification failed: ${res.status} ${JSON.stringify(res.body)}`);
      return;
    }
    if (tries > 50) throw new Error(`no verification mail to ${user.email}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function sessionCookie(headers: Headers): string {
  const cookies = headers.getSetCookie().map((c) => c.split(";")[0]!);
  const session = cookies.find((c) => c.includes("session_token="));
  if (!session) throw new Error("no session cookie in the response");
  return session;
}

export async function createOrg(user: TestUser, name = `Org ${randomUUID().slice(0, 6)}`) {
  const res = await call(organizationsRoute.POST, "POST", "/api/organizations", {
    cookie: user.cookie,
    body: { name },
  });
  if (res.status !== 201) throw new Error(`create organization failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.organization as { id: string; name: string; slug: string };
}

/** Invites a new user into the inviter's active organization with `role`; the new user accepts. */
export async function addMember(inviter: TestUser, role: Role): Promise<TestUser> {
  const invitee = await signUp();
  await joinOrg(inviter, invitee, role);
  return invitee;
}

/** Invites an existing user into the inviter's active organization; they accept (it becomes their active one). */
export async function joinOrg(inviter: TestUser, invitee: TestUser, role: Role): Promise<void> {
  const invited = await call(invitationsRoute.POST, "POST", "/api/organization/invitations", {
    cookie: inviter.cookie,
    body: { email: invitee.email, role },
  });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  await confirmEmail(invitee);
  const accepted = await call(acceptRoute.POST, "POST", "/accept", {
    cookie: invitee.cookie,
    params: { token: tokenOf(invited.body.link) },
  });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
}
