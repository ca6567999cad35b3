import { describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/invitations/[token]/accept/route";
import * as rejectRoute from "@/app/api/invitations/[token]/reject/route";
import * as invitationRoute from "@/app/api/invitations/[token]/route";
import * as meRoute from "@/app/api/me/route";
import * as cancelRoute from "@/app/api/organization/invitations/[invitationId]/route";
import * as invitationsRoute from "@/app/api/organization/invitations/route";
import * as leaveRoute from "@/app/api/organization/leave/route";
import * as memberRoute from "@/app/api/organization/members/[memberId]/route";
import * as organizationRoute from "@/app/api/organization/route";
import * as activeRoute from "@/app/api/organizations/active/route";
import * as organizationsRoute from "@/app/api/organizations/route";
import { addMember, confirmEmail, createOrg, tokenOf, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";

const organizationOf = (user: TestUser) =>
  call(organizationRoute.GET, "GET", "/api/organization", { cookie: user.cookie });
const memberIdOf = async (viewer: TestUser, user: TestUser) =>
  (await organizationOf(viewer)).body.members.find((m: { userId: string }) => m.userId === user.id).id as string;

describe("organizations", () => {
  it("creates organizations, lists them and switches the active one", async () => {
    const agency = await signUp();
    const first = await createOrg(agency, "Acme Outdoor");
    const second = await createOrg(agency, "Bolt Coffee");

    const me = await call(meRoute.GET, "GET", "/api/me", { cookie: agency.cookie });
    expect(me.body.activeOrganizationId).toBe(second.id);
    expect(me.body.organizations.map((o: { name: string; role: string }) => [o.name, o.role])).toEqual([
      ["Acme Outdoor", "owner"],
      ["Bolt Coffee", "owner"],
    ]);

    const switched = await call(activeRoute.PUT, "PUT", "/api/organizations/active", {
      cookie: agency.cookie,
      body: { organizationId: first.id },
    });
    expect(switched.status).toBe(200);
    expect((await organizationOf(agency)).body.organization.name).toBe("Acme Outdoor");
  });

  it("runs an invitation from invite to accept, then a role change and a removal", async () => {
    const owner = await signUp();
    const org = await createOrg(owner, "Northwind");
    const invitee = await signUp();

    const invited = await call(invitationsRoute.POST, "POST", "/api/organization/invitations", {
      cookie: owner.cookie,
      body: { email: invitee.email.toUpperCase(), role: "admin" },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.link).toMatch(/^http:\/\/localhost:3000\/invitations\/[\w-]{43}$/);
    await confirmEmail(invitee);
    expect((await organizationOf(owner)).body.invitations).toHaveLength(1);

    const seen = await call(invitationRoute.GET, "GET", "/x", {
      cookie: invitee.cookie,
      params: { token: tokenOf(invited.body.link) },
    });
    expect(seen.body.invitation).toMatchObject({ organizationName: "Northwind", role: "admin", status: "pending" });

    const accepted = await call(acceptRoute.POST, "POST", "/x", {
      cookie: invitee.cookie,
      params: { token: tokenOf(invited.body.link) },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ organizationId: org.id, role: "admin" });
    const again = await call(acceptRoute.POST, "POST", "/x", {
      cookie: invitee.cookie,
      params: { token: tokenOf(invited.body.link) },
    });
    expect(again.status).toBe(409);

    const view = await organizationOf(invitee);
    expect(view.body.organization.id).toBe(org.id);
    expect(view.body.members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, "owner"],
      [invitee.email, "admin"],
    ]);
    expect(view.body.invitations).toEqual([]);

    const memberId = await memberIdOf(owner, invitee);
    const demoted = await call(memberRoute.PATCH, "PATCH", "/x", {
      cookie: owner.cookie,
      params: { memberId },
      body: { role: "member" },
    });
    expect(demoted.status).toBe(200);
    expect((await organizationOf(invitee)).body.role).toBe("member");

    const removed = await call(memberRoute.DELETE, "DELETE", "/x", { cookie: owner.cookie, params: { memberId } });
    expect(removed.status).toBe(200);
    expect((await organizationOf(invitee)).status).toBe(404);
    const me = await call(meRoute.GET, "GET", "/api/me", { cookie: invitee.cookie });
    expect(me.body).toMatchObject({ organizations: [], activeOrganizationId: null });
  });

  it("lets only the invited address see, accept or decline an invitation", async () => {
    const owner = await signUp();
    await createOrg(owner);
    const invitee = await signUp();
    const stranger = await signUp();
    const invited = await call(invitationsRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { email: invitee.email, role: "member" },
    });
    const params = { token: tokenOf(invited.body.link) };

    expect((await call(invitationRoute.GET, "GET", "/x", { cookie: stranger.cookie, params })).status).toBe(404);
    expect((await call(acceptRoute.POST, "POST", "/x", { cookie: stranger.cookie, params })).status).toBe(404);
    expect((await call(rejectRoute.POST, "POST", "/x", { cookie: invitee.cookie, params })).status).toBe(200);
    expect((await call(acceptRoute.POST, "POST", "/x", { cookie: invitee.cookie, params })).body.error.message).toMatch(
      /already rejected/,
    );
  });

  it("re-inviting replaces the pending invitation and cancelling kills the link", async () => {
    const owner = await signUp();
    await createOrg(owner);
    const invitee = await signUp();
    const first = await call(invitationsRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { email: invitee.email, role: "member" },
    });
    const second = await call(invitationsRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { email: invitee.email, role: "admin" },
    });
    const pending = (await organizationOf(owner)).body.invitations;
    expect(pending.map((i: { id: string; role: string }) => [i.id, i.role])).toEqual([
      [second.body.invitation.id, "admin"],
    ]);
    expect(
      (
        await call(acceptRoute.POST, "POST", "/x", {
          cookie: invitee.cookie,
          params: { token: tokenOf(first.body.link) },
        })
      ).status,
    ).toBe(409);

    const canceled = await call(cancelRoute.DELETE, "DELETE", "/x", {
      cookie: owner.cookie,
      params: { invitationId: second.body.invitation.id },
    });
    expect(canceled.status).toBe(200);
    expect(
      (
        await call(acceptRoute.POST, "POST", "/x", {
          cookie: invitee.cookie,
          params: { token: tokenOf(second.body.link) },
        })
      ).status,
    ).toBe(409);
  });

  it("refuses to invite someone who is already a member", async () => {
    const owner = await signUp();
    await createOrg(owner);
    const member = await addMember(owner, "member");
    const res = await call(invitationsRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { email: member.email, role: "member" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ field: "email" });
  });

  it("lets a member leave, moving their session to another organization, but never the only owner", async () => {
    const owner = await signUp();
    const org = await createOrg(owner);
    const agency = await addMember(owner, "member");
    const own = await createOrg(agency, "Agency HQ");
    await call(activeRoute.PUT, "PUT", "/x", { cookie: agency.cookie, body: { organizationId: org.id } });

    const left = await call(leaveRoute.POST, "POST", "/x", { cookie: agency.cookie });
    expect(left.body).toMatchObject({ ok: true, activeOrganizationId: own.id });
    expect((await organizationOf(agency)).body.organization.name).toBe("Agency HQ");

    const soleOwner = await call(leaveRoute.POST, "POST", "/x", { cookie: owner.cookie });
    expect(soleOwner.status).toBe(409);
    expect(soleOwner.body.error.message).toMatch(/only owner/);
  });

  it("lists organizations only for their members", async () => {
    const a = await signUp();
    await createOrg(a, "Only Mine");
    const b = await signUp();
    const list = await call(organizationsRoute.GET, "GET", "/api/organizations", { cookie: b.cookie });
    expect(list.body.organizations).toEqual([]);
  });
});
