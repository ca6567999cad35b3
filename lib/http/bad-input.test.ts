import { describe, expect, it } from "vitest";
import * as invitationsRoute from "@/app/api/organization/invitations/route";
import * as memberRoute from "@/app/api/organization/members/[memberId]/route";
import * as activeRoute from "@/app/api/organizations/active/route";
import * as organizationsRoute from "@/app/api/organizations/route";
import { addMember, createOrg, signUp } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { withUser } from "./handler";
import { MAX_BODY_BYTES } from "./parse-input";

const create = organizationsRoute.POST;

describe("bad input", async () => {
  const user = await signUp();
  const json = { "content-type": "application/json" };

  it("answers 400 to malformed JSON", async () => {
    const res = await call(create, "POST", "/api/organizations", {
      cookie: user.cookie,
      raw: '{"name": "Acme",',
      headers: json,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: "bad_request", message: "Request body is not valid JSON" });
  });

  it.each([
    ["a missing field", {}, "name", /name: Name is required/],
    ["a field of the wrong type", { name: 42 }, "name", /name: /],
    ["a too short value", { name: "A" }, "name", /at least 2 characters/],
    ["a too long value", { name: "x".repeat(81) }, "name", /at most 80 characters/],
  ])("answers 422 naming the field for %s", async (_case, body, field, message) => {
    const res = await call(create, "POST", "/api/organizations", { cookie: user.cookie, body });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(message);
  });

  it("answers 422 for a malformed email and an unknown role", async () => {
    const owner = await signUp();
    await createOrg(owner);
    const badEmail = await call(invitationsRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { email: "not-an-email", role: "member" },
    });
    expect(badEmail.status).toBe(422);
    expect(badEmail.body.error).toMatchObject({
      field: "email",
      message: "email: Email must be a valid email address",
    });
    const badRole = await call(invitationsRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { email: "ok@example.test", role: "superuser" },
    });
    expect(badRole.status).toBe(422);
    expect(badRole.body.error).toMatchObject({
      field: "role",
      message: "role: Role must be one of owner, admin, member",
    });
  });

  it("answers 413 to an oversized body, declared or not", async () => {
    const big = JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) });
    const declared = await call(create, "POST", "/x", {
      cookie: user.cookie,
      raw: big,
      headers: { ...json, "content-length": String(big.length) },
    });
    expect(declared.status).toBe(413);
    const streamed = await call(create, "POST", "/x", { cookie: user.cookie, raw: big, headers: json });
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.message).toMatch(/larger than 64 KB/);
  });

  it("answers 415 to a body that is not JSON", async () => {
    const res = await call(create, "POST", "/x", {
      cookie: user.cookie,
      raw: "name=Acme",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
  });

  it("answers 401 without a session, before looking at the body", async () => {
    const res = await call(create, "POST", "/x", { raw: "{oops", headers: json });
    expect(res.status).toBe(401);
    const forged = await call(create, "POST", "/x", {
      cookie: "better-auth.session_token=forged.value",
      body: { name: "Acme" },
    });
    expect(forged.status).toBe(401);
  });

  it("answers 403 to a member before validating an admin route's input", async () => {
    const owner = await signUp();
    await createOrg(owner);
    const member = await addMember(owner, "member");
    const res = await call(memberRoute.PATCH, "PATCH", "/x", {
      cookie: member.cookie,
      params: { memberId: "x" },
      body: { role: 7 },
    });
    expect(res.status).toBe(403);
  });

  it("refuses state changes from another site", async () => {
    const res = await call(create, "POST", "/x", {
      cookie: user.cookie,
      body: { name: "Evil" },
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    const fetchSite = await call(activeRoute.PUT, "PUT", "/x", {
      cookie: user.cookie,
      body: { organizationId: "x" },
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(fetchSite.status).toBe(403);
  });

  it("answers 500 without internals when something unexpected breaks", async () => {
    const broken = withUser(async () => {
      throw new Error("connection string postgres://secret@db");
    });
    const res = await call(broken, "GET", "/x", { cookie: user.cookie });
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toMatch(/secret|postgres/);
    expect(res.body.error.code).toBe("internal");
  });
});
