// Issue 11, finding 8 (docs/threat-model.md, T8): a changed password ends the other sessions.
import { describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as meRoute from "@/app/api/me/route";
import { clientHeaders, fakeIp, PASSWORD, sessionCookie, signUp } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";

describe("sessions", () => {
  it("ends every other session when the password changes, and keeps the one that changed it", async () => {
    const user = await signUp();
    const elsewhere = await call(authRoute.POST, "POST", "/api/auth/sign-in/email", {
      body: { email: user.email, password: PASSWORD },
      headers: clientHeaders(fakeIp()),
    });
    expect(elsewhere.status).toBe(200);
    const otherCookie = sessionCookie(elsewhere.headers);
    expect((await call(meRoute.GET, "GET", "/api/me", { cookie: otherCookie })).status).toBe(200);

    const changed = await call(authRoute.POST, "POST", "/api/auth/change-password", {
      cookie: user.cookie,
      body: { currentPassword: PASSWORD, newPassword: "another-horse-43" },
      headers: clientHeaders(user.ip),
    });
    expect(changed.status).toBe(200);
    expect((await call(meRoute.GET, "GET", "/api/me", { cookie: otherCookie })).status).toBe(401);
    // The session that changed it goes on (better-auth issues it a fresh cookie).
    const current = changed.headers.getSetCookie().length ? sessionCookie(changed.headers) : user.cookie;
    expect((await call(meRoute.GET, "GET", "/api/me", { cookie: current })).status).toBe(200);
  });
});
