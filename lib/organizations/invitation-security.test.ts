// Issue 11, finding 2 (docs/threat-model.md, T2): whoever learns an invitation link — from a log,
// an admin's screen, a forwarded mail — must not join as the invitee. Links are single-use secrets
// stored hashed; joining needs an account that owns the invited address, verified.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/invitations/[token]/accept/route";
import * as invitationRoute from "@/app/api/invitations/[token]/route";
import * as invitationsRoute from "@/app/api/organization/invitations/route";
import * as organizationRoute from "@/app/api/organization/route";
import { db } from "@/db/client";
import { invitation, member } from "@/db/schema/auth";
import { readOutbox } from "@/lib/mail/send-mail";
import { getInvitedAddress } from "@/lib/organizations/get-invited-address";
import { confirmEmail, createOrg, signUp, tokenOf, uniqueEmail } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";

async function invite() {
  const owner = await signUp();
  const org = await createOrg(owner);
  const email = uniqueEmail("invited");
  const res = await call(invitationsRoute.POST, "POST", "/x", { cookie: owner.cookie, body: { email, role: "admin" } });
  expect(res.status).toBe(201);
  return { owner, org, email, id: res.body.invitation.id as string, link: res.body.link as string };
}

describe("invitation links", () => {
  it("are secrets stored only as their hash, shown once, and not in the pending list", async () => {
    const { owner, id, link } = await invite();
    const token = tokenOf(link);
    expect(token).toMatch(/^[\w-]{43}$/);
    const [row] = await db.select().from(invitation).where(eq(invitation.id, id));
    expect(row!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await call(organizationRoute.GET, "GET", "/x", { cookie: owner.cookie });
    expect(listed.body.invitations).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });

  it("do not let someone who learned the link join by signing up with the invited address", async () => {
    const { org, email, id, link } = await invite();
    const taker = await signUp({ email });
    const params = { token: tokenOf(link) };
    const refused = await call(acceptRoute.POST, "POST", "/x", { cookie: taker.cookie, params });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Confirm your email address first/);
    const members = await db.select().from(member).where(eq(member.organizationId, org.id));
    expect(members.map((row) => row.userId)).not.toContain(taker.id);
    // The invitation id is not the link's secret.
    expect((await call(invitationRoute.GET, "GET", "/x", { cookie: taker.cookie, params: { token: id } })).status).toBe(
      404,
    );
  });

  it("work once, for the verified owner of the address", async () => {
    const { email, link } = await invite();
    const invitee = await signUp({ email });
    await confirmEmail(invitee);
    const params = { token: tokenOf(link) };
    expect((await call(acceptRoute.POST, "POST", "/x", { cookie: invitee.cookie, params })).status).toBe(200);
    const again = await call(acceptRoute.POST, "POST", "/x", { cookie: invitee.cookie, params });
    expect(again.status).toBe(409);
  });

  it("reach the invitee by mail, and the verification mail too; the app log gets neither body", async () => {
    const { email, link } = await invite();
    const mails = await readOutbox(email);
    expect(mails.map((mail) => mail.kind)).toEqual(["invitation"]);
    expect(mails[0]!.text).toContain(link);
    const invitee = await signUp({ email });
    await confirmEmail(invitee);
    expect((await readOutbox(email)).map((mail) => mail.kind)).toEqual(["invitation", "email-verification"]);
  });

  it("fill the sign-up form with the invited address only while the invitation is live", async () => {
    const { email, id, link } = await invite();
    const token = tokenOf(link);
    const next = `/invitations/${token}`;
    expect(await getInvitedAddress({ next })).toBe(email);
    // Not another path, nor the link with more on it, nor the invitation's id, nor a guess.
    for (const other of [`${next}?x=1`, `/invitations/${token}/accept`, `/x${next}`, `/invitations/${id}`]) {
      expect(await getInvitedAddress({ next: other }), other).toBeNull();
    }
    expect(await getInvitedAddress({ next: `/invitations/${"A".repeat(43)}` })).toBeNull();
    // Expired, answered or withdrawn: the plain form, nothing revealed.
    await db
      .update(invitation)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitation.id, id));
    expect(await getInvitedAddress({ next })).toBeNull();
    await db
      .update(invitation)
      .set({ expiresAt: new Date(Date.now() + 86_400_000) })
      .where(eq(invitation.id, id));
    expect(await getInvitedAddress({ next })).toBe(email);
    for (const status of ["accepted", "rejected", "canceled"] as const) {
      await db.update(invitation).set({ status }).where(eq(invitation.id, id));
      expect(await getInvitedAddress({ next }), status).toBeNull();
    }
  });

  it("stop filling the form once used", async () => {
    const { email, link } = await invite();
    const next = `/invitations/${tokenOf(link)}`;
    expect(await getInvitedAddress({ next })).toBe(email);
    const invitee = await signUp({ email });
    await confirmEmail(invitee);
    const accepted = await call(acceptRoute.POST, "POST", "/x", {
      cookie: invitee.cookie,
      params: { token: tokenOf(link) },
    });
    expect(accepted.status).toBe(200);
    expect(await getInvitedAddress({ next })).toBeNull();
  });
});
