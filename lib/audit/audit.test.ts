import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import * as auditRoute from "@/app/api/organization/audit/route";
import * as invitationsRoute from "@/app/api/organization/invitations/route";
import * as leaveRoute from "@/app/api/organization/leave/route";
import * as memberRoute from "@/app/api/organization/members/[memberId]/route";
import * as organizationRoute from "@/app/api/organization/route";
import { clientHeaders, addMember, createOrg, signUp, uniqueEmail } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";

describe("audit log", () => {
  it("records who did what to whom, from where, newest first", async () => {
    const owner = await signUp();
    const org = await createOrg(owner, "Audited");
    const teammate = await addMember(owner, "member");
    const memberId = (await call(organizationRoute.GET, "GET", "/x", { cookie: owner.cookie })).body.members[1].id;
    const headers = { ...clientHeaders("203.0.113.9"), "user-agent": "AuditTest/1.0" };
    await call(memberRoute.PATCH, "PATCH", "/x", {
      cookie: owner.cookie,
      params: { memberId },
      body: { role: "admin" },
      headers,
    });
    await call(memberRoute.DELETE, "DELETE", "/x", { cookie: owner.cookie, params: { memberId }, headers });

    const log = await call(auditRoute.GET, "GET", "/api/organization/audit", { cookie: owner.cookie });
    expect(log.status).toBe(200);
    expect(log.body.entries.map((e: { action: string }) => e.action)).toEqual([
      "member.removed",
      "member.role_changed",
      "invitation.accepted",
      "invitation.created",
      "organization.created",
    ]);
    const [removed, changed] = log.body.entries;
    expect(removed).toMatchObject({
      organizationId: org.id,
      actorEmail: owner.email,
      target: teammate.email,
      outcome: "succeeded",
      ip: "203.0.113.9",
      userAgent: "AuditTest/1.0",
    });
    expect(changed.details).toEqual({ from: "member", to: "admin" });
  });

  it("pages with `before` and validates the query", async () => {
    const owner = await signUp();
    await createOrg(owner);
    for (let i = 0; i < 3; i++)
      await call(invitationsRoute.POST, "POST", "/x", {
        cookie: owner.cookie,
        body: { email: uniqueEmail(), role: "member" },
      });
    const first = await call(auditRoute.GET, "GET", "/api/organization/audit?limit=2", { cookie: owner.cookie });
    expect(first.body.entries).toHaveLength(2);
    const second = await call(
      auditRoute.GET,
      "GET",
      `/api/organization/audit?limit=2&before=${first.body.nextBefore}`,
      { cookie: owner.cookie },
    );
    expect(second.body.entries).toHaveLength(2);
    expect(second.body.nextBefore).toBeNull();
    const ids = [...first.body.entries, ...second.body.entries].map((e: { id: number }) => e.id);
    expect(new Set(ids).size).toBe(4);

    const bad = await call(auditRoute.GET, "GET", "/api/organization/audit?limit=1000", { cookie: owner.cookie });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ field: "limit", message: "limit: limit must be at most 100" });
  });

  it("is for admins and owners only", async () => {
    const owner = await signUp();
    await createOrg(owner);
    const member = await addMember(owner, "member");
    expect((await call(auditRoute.GET, "GET", "/api/organization/audit", { cookie: member.cookie })).status).toBe(403);
    await call(leaveRoute.POST, "POST", "/x", { cookie: member.cookie });
    const log = await call(auditRoute.GET, "GET", "/api/organization/audit", { cookie: owner.cookie });
    expect(log.body.entries[0]).toMatchObject({ action: "member.left", actorEmail: member.email });
  });

  it("cannot be changed or erased", async () => {
    const owner = await signUp();
    const org = await createOrg(owner);
    // Drizzle wraps the database error; the trigger's message is on its cause.
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/audit_log is append-only/) }) };
    await expect(
      db.execute(sql`update audit_log set action = 'forged' where organization_id = ${org.id}`),
    ).rejects.toMatchObject(refused);
    await expect(db.execute(sql`delete from audit_log where organization_id = ${org.id}`)).rejects.toMatchObject(
      refused,
    );
    await expect(db.execute(sql`truncate audit_log`)).rejects.toMatchObject(refused);
  });
});
