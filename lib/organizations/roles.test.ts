// The role matrix: which role may do what to whom in an organization.
import { beforeAll, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/organization/invitations/[invitationId]/route";
import * as invitationsRoute from "@/app/api/organization/invitations/route";
import * as memberRoute from "@/app/api/organization/members/[memberId]/route";
import * as organizationRoute from "@/app/api/organization/route";
import { addMember, createOrg, signUp, uniqueEmail, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";

let owner: TestUser, coOwner: TestUser, admin: TestUser, member: TestUser;
const people = () => ({ owner, coOwner, admin, member });

async function memberId(user: TestUser): Promise<string> {
  const res = await call(organizationRoute.GET, "GET", "/x", { cookie: owner.cookie });
  return res.body.members.find((m: { userId: string }) => m.userId === user.id).id;
}
async function freshMember(role: "member" | "admin" | "owner") {
  const user = await addMember(owner, role);
  return { user, id: await memberId(user) };
}
const invite = (actor: TestUser, role: string) =>
  call(invitationsRoute.POST, "POST", "/x", { cookie: actor.cookie, body: { email: uniqueEmail(), role } });

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner, "Matrix Co");
  coOwner = await addMember(owner, "owner");
  admin = await addMember(owner, "admin");
  member = await addMember(owner, "member");
});

describe("role matrix", () => {
  it.each([
    ["member", 403],
    ["admin", 200],
    ["owner", 200],
  ] as const)("renaming the organization as %s answers %i", async (who, status) => {
    const actor = { member, admin, owner }[who];
    const res = await call(organizationRoute.PATCH, "PATCH", "/x", {
      cookie: actor.cookie,
      body: { name: "Matrix Co" },
    });
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.error.message).toMatch(/needs the admin role/);
  });

  it.each([
    ["member", "member", 403],
    ["admin", "member", 201],
    ["admin", "admin", 201],
    ["admin", "owner", 403],
    ["owner", "owner", 201],
  ] as const)("%s inviting a new %s answers %i", async (who, role, status) => {
    expect((await invite(people()[who], role)).status).toBe(status);
  });

  it("hides pending invitations from members and lets only admins cancel them", async () => {
    const pending = await invite(admin, "member");
    const seenByMember = await call(organizationRoute.GET, "GET", "/x", { cookie: member.cookie });
    expect(seenByMember.status).toBe(200);
    expect(seenByMember.body.invitations).toEqual([]);
    const params = { invitationId: pending.body.invitation.id };
    expect((await call(cancelRoute.DELETE, "DELETE", "/x", { cookie: member.cookie, params })).status).toBe(403);
    expect((await call(cancelRoute.DELETE, "DELETE", "/x", { cookie: admin.cookie, params })).status).toBe(200);
  });

  it("lets admins change members' roles but never touch owners or make owners", async () => {
    const target = await freshMember("member");
    const patch = (actor: TestUser, id: string, role: string) =>
      call(memberRoute.PATCH, "PATCH", "/x", { cookie: actor.cookie, params: { memberId: id }, body: { role } });

    expect((await patch(member, target.id, "admin")).status).toBe(403);
    expect((await patch(admin, target.id, "admin")).status).toBe(200);
    expect((await patch(admin, target.id, "owner")).status).toBe(403);
    expect((await patch(admin, await memberId(coOwner), "member")).status).toBe(403);
    expect((await patch(owner, target.id, "owner")).status).toBe(200);
    expect((await patch(owner, target.id, "member")).status).toBe(200);
  });

  it("lets admins remove members but not owners or themselves; owners can remove owners", async () => {
    const remove = (actor: TestUser, id: string) =>
      call(memberRoute.DELETE, "DELETE", "/x", { cookie: actor.cookie, params: { memberId: id } });
    const plain = await freshMember("member");
    const otherOwner = await freshMember("owner");

    expect((await remove(member, plain.id)).status).toBe(403);
    expect((await remove(admin, otherOwner.id)).status).toBe(403);
    expect((await remove(admin, plain.id)).status).toBe(200);
    expect((await remove(owner, otherOwner.id)).status).toBe(200);
    expect((await remove(admin, await memberId(admin))).status).toBe(409);
  });

  it("never leaves an organization without an owner", async () => {
    const solo = await signUp();
    await createOrg(solo);
    const self = (await call(organizationRoute.GET, "GET", "/x", { cookie: solo.cookie })).body.members[0].id;
    const res = await call(memberRoute.PATCH, "PATCH", "/x", {
      cookie: solo.cookie,
      params: { memberId: self },
      body: { role: "admin" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/at least one owner/);
  });
});
