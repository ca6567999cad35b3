import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { organization } from "better-auth/plugins";
import { desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import * as schema from "@/db/schema/auth";
import { sendMail } from "@/lib/mail/send-mail";
import { appUrl } from "@/lib/runtime/app-url";
import { CLIENT_ADDRESS_HEADER } from "@/lib/runtime/client-address";
import { PASSWORD_MAX, PASSWORD_MIN, accountProblem } from "./account-rules";

function createAuth() {
  const baseURL = appUrl();
  return betterAuth({
    appName: "Synco",
    baseURL,
    basePath: "/api/auth",
    secret: process.env.BETTER_AUTH_SECRET,
    database: drizzleAdapter(db, { provider: "pg", schema }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
    },
    // Proves an account owns its address; accepting an invitation needs it (threat model T2).
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        await sendMail({
          to: user.email,
          subject: "Confirm your email address for Synco",
          text: `Open this link to confirm that ${user.email} is yours: ${url}`,
          kind: "email-verification",
        });
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    // Stored in PostgreSQL so the limit holds across app instances.
    rateLimit: { enabled: true, storage: "database", modelName: "rateLimit" },
    advanced: {
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      database: { generateId: () => crypto.randomUUID() },
      // Only the address our server resolved from the socket (lib/runtime/client-address.ts).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    logger: { disabled: process.env.NODE_ENV === "test" },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const problem = accountProblem(ctx.path, ctx.body, ctx.query);
        // A new password ends every other session: whoever knew the old one is signed out (threat model T8).
        if (!problem && ctx.path === "/change-password")
          return { context: { body: { ...(ctx.body as object), revokeOtherSessions: true } } };
        if (!problem) return;
        // Sign-up's own rules keep their 400 (the form maps them); the rest answers 422 like our routes.
        const status = ctx.path === "/sign-up/email" && !problem.text ? "BAD_REQUEST" : "UNPROCESSABLE_ENTITY";
        throw new APIError(status, {
          message: problem.message,
          code: `INVALID_${problem.field.replace(/\W/g, "_").toUpperCase()}`,
        });
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A new session resumes the organization the user last switched to, or joined, most recently.
          before: async (session) => {
            const [latest] = await db
              .select({ organizationId: schema.member.organizationId })
              .from(schema.member)
              .where(eq(schema.member.userId, session.userId))
              .orderBy(desc(sql`coalesce(${schema.member.lastActiveAt}, ${schema.member.createdAt})`))
              .limit(1);
            return { data: { ...session, activeOrganizationId: latest?.organizationId ?? null } };
          },
        },
      },
    },
    // The plugin supplies the organization tables and the session's active organization; the
    // product's own routes (lib/organizations) do the organization work, see docs/decisions.md.
    plugins: [organization({ creatorRole: "owner" })],
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { __syncoAuth?: Auth };

/** The better-auth instance, created on first use so builds do not need secrets. */
export function auth(): Auth {
  holder.__syncoAuth ??= createAuth();
  return holder.__syncoAuth;
}
