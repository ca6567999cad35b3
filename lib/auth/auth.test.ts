import { describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as meRoute from "@/app/api/me/route";
import { clientHeaders, fakeIp, PASSWORD, sessionCookie, signUp, uniqueEmail } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { FREE_FAILURES, PAUSE_MS, recordSignIn, signInPause } from "./sign-in-throttle";

const signIn = (email: string, password: string, ip = fakeIp()) =>
  call(authRoute.POST, "POST", "/api/auth/sign-in/email", {
    body: { email, password },
    headers: clientHeaders(ip),
  });

describe("accounts", () => {
  it("signs up with a session cookie that is httpOnly and SameSite", async () => {
    const email = uniqueEmail();
    const res = await call(authRoute.POST, "POST", "/api/auth/sign-up/email", {
      body: { email, name: "Ada", password: PASSWORD },
      headers: clientHeaders(fakeIp()),
    });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(email);
    const setCookie = res.headers.getSetCookie().find((c) => c.includes("session_token="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const me = await call(meRoute.GET, "GET", "/api/me", { cookie: sessionCookie(res.headers) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email, name: "Ada" }, organizations: [], activeOrganizationId: null });
  });

  it.each([
    ["too short", "abc12", /at least 10/],
    ["without a digit", "abcdefghijkl", /letter and a digit/],
    ["without a letter", "123456789012", /letter and a digit/],
  ])("refuses a password %s", async (_case, password, message) => {
    const res = await call(authRoute.POST, "POST", "/api/auth/sign-up/email", {
      body: { email: uniqueEmail(), name: "Bob", password },
      headers: clientHeaders(fakeIp()),
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it.each([
    ["an overlong name", { name: "n".repeat(101), email: uniqueEmail() }, "INVALID_NAME", /at most 100/],
    ["a blank name", { name: "   ", email: uniqueEmail() }, "INVALID_NAME", /Enter your name/],
    ["a malformed email", { name: "Cy", email: "cy@" }, "INVALID_EMAIL", /valid email/],
  ])("refuses sign-up with %s, naming the field", async (_case, fields, code, message) => {
    const res = await call(authRoute.POST, "POST", "/api/auth/sign-up/email", {
      body: { ...fields, password: PASSWORD },
      headers: clientHeaders(fakeIp()),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(message);
  });

  it("refuses a second account with the same email", async () => {
    const user = await signUp();
    const res = await call(authRoute.POST, "POST", "/api/auth/sign-up/email", {
      body: { email: user.email, name: "Again", password: PASSWORD },
      headers: clientHeaders(fakeIp()),
    });
    expect(res.status).toBe(422);
  });

  it("signs in with the right password only, and signs out", async () => {
    const user = await signUp();
    expect((await signIn(user.email, "wrong-password-1")).status).toBe(401);

    const ok = await signIn(user.email, user.password);
    expect(ok.status).toBe(200);
    const cookie = sessionCookie(ok.headers);
    expect((await call(meRoute.GET, "GET", "/api/me", { cookie })).status).toBe(200);

    const out = await call(authRoute.POST, "POST", "/api/auth/sign-out", { cookie, body: {} });
    expect(out.status).toBe(200);
    const after = await call(meRoute.GET, "GET", "/api/me", { cookie });
    expect(after.status).toBe(401);
    expect(after.body.error).toMatchObject({ code: "unauthorized" });
  });

  it("rate-limits repeated sign-in attempts from one address", async () => {
    const user = await signUp();
    const ip = fakeIp();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(user.email, "wrong-password-1", ip)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await signIn(user.email, user.password)).status).toBe(200);
  });

  it("keeps better-auth's own organization endpoints closed", async () => {
    const user = await signUp();
    const res = await call(authRoute.POST, "POST", "/api/auth/organization/create", {
      cookie: user.cookie,
      body: { name: "Sneaky", slug: "sneaky" },
    });
    expect(res.status).toBe(404);
  });
});

// Issue 11, finding 1 (docs/threat-model.md, T1): a new address per guess does not help.
describe("sign-in throttle per account", () => {
  it("pauses an account after five wrong passwords from five addresses; another account is not affected", async () => {
    const victim = await signUp();
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(victim.email, `wrong-password-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const paused = await signIn(victim.email, victim.password);
    expect(paused.status).toBe(429);
    expect(paused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(paused.body.message).toMatch(/Too many failed sign-ins for this account/);
    const other = await signUp();
    expect((await signIn(other.email, other.password)).status).toBe(200);
  });

  it("lets the owner back in once the pause is over, and a success forgets the failures", async () => {
    const user = await signUp();
    for (let i = 0; i < FREE_FAILURES; i++) await recordSignIn(user.email, false, Date.now() - PAUSE_MS - 1000);
    expect((await signIn(user.email, user.password)).status).toBe(200);
    expect(await signInPause(user.email)).toBe(0);
  });
});
