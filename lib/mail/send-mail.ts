// The one place mail leaves the product. A default install has no mail server, so each message is
// written to a local outbox — one JSON file per mail under `$SYNCO_DATA_DIR/mail`, private to the
// app's user (folder 0700, files 0600) — where a developer, or a test, reads it. The app log gets
// the mail's id and kind only: never its body, whose links (invitations, email verification) are
// secrets (docs/threat-model.md, T2 and T7). To send for real, replace `deliver` with an SMTP or
// provider call.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { logger } from "@/lib/logger";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  /** What the mail is for, as the log names it: "invitation", "email-verification"… */
  kind: string;
};

export type SentMail = Mail & { id: string; sentAt: string };

export const outboxDir = () => path.resolve(process.env.SYNCO_DATA_DIR ?? ".data", "mail");

export async function sendMail(mail: Mail): Promise<{ id: string }> {
  const sent: SentMail = { ...mail, id: randomUUID(), sentAt: new Date().toISOString() };
  await deliver(sent);
  logger.info({ mailId: sent.id, kind: mail.kind }, "mail written to the local outbox");
  return { id: sent.id };
}

async function deliver(mail: SentMail) {
  const dir = outboxDir();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.chmod(dir, 0o700);
  const name = `${Date.now()}-${recipientTag(mail.to)}-${mail.id}.json`;
  await fs.writeFile(path.join(dir, name), JSON.stringify(mail), { mode: 0o600 });
}

// Part of each file's name, so a reader finds one recipient's mails without opening the others.
const recipientTag = (to: string) => createHash("sha256").update(to.trim().toLowerCase()).digest("hex").slice(0, 16);

/** Mails in the outbox sent to `to`, oldest first (tests and a developer's tools read them). */
export async function readOutbox(to: string): Promise<SentMail[]> {
  const dir = outboxDir();
  const tag = `-${recipientTag(to)}-`;
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((file) => file.includes(tag)).sort();
  return Promise.all(
    files.map(async (file) => JSON.parse(await fs.readFile(path.join(dir, file), "utf8")) as SentMail),
  );
}
