// Issue 11, finding 7 (docs/threat-model.md, T7): logs hold ids and counts, not personal data, and
// the files the app writes are private to its user.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { createHash, randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { user } from "@/db/schema/auth";
import { outboxDir, readOutbox, sendMail } from "@/lib/mail/send-mail";
import { serializeError } from "./logger";

describe("logs and files", () => {
  it("log a failed query without its parameters", async () => {
    const email = `secret-${randomUUID()}@example.test`;
    const row = { id: randomUUID(), name: "Dup", email, emailVerified: false };
    await db.insert(user).values(row);
    const failure = await db
      .insert(user)
      .values({ ...row, id: randomUUID() })
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).message)).toContain(email);
    const logged = JSON.stringify(serializeError(failure));
    expect(logged).not.toContain(email);
    expect(logged).toContain("Failed query");
    expect(logged).toContain("params: [redacted]");
    expect(logged).toContain("23505");
  });

  it("write mails to a private outbox: folder 0700, files 0600", async () => {
    const to = `private-${randomUUID()}@example.test`;
    await sendMail({ to, subject: "Hello", text: "a secret link", kind: "test" });
    expect((await readOutbox(to)).map((mail) => mail.text)).toEqual(["a secret link"]);
    expect(statSync(outboxDir()).mode & 0o777).toBe(0o700);
    const tag = createHash("sha256").update(to).digest("hex").slice(0, 16);
    const mine = (await readdir(outboxDir())).filter((name) => name.includes(tag));
    expect(mine).toHaveLength(1);
    expect(statSync(path.join(outboxDir(), mine[0]!)).mode & 0o777).toBe(0o600);
  });

  // The test run opened the embedded database (lib/testing/global-setup.ts) unless DATABASE_URL was set.
  const pgLog = path.resolve(process.env.SYNCO_DATA_DIR ?? ".data", "pg", "server.log");
  it.runIf(existsSync(pgLog))("keep the embedded database's log private", () => {
    expect(statSync(pgLog).mode & 0o777).toBe(0o600);
  });
});
