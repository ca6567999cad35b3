import { logger } from "@/lib/logger";

export type Mail = { to: string; subject: string; text: string };

/**
 * The one place mail leaves the product. There is no mail server in a default install, so the
 * message is logged; swap this function's body for an SMTP or provider call to send for real.
 * Callers also show invitation links in the UI, so nothing depends on delivery.
 */
export async function sendMail(mail: Mail): Promise<void> {
  logger.info({ mail }, `mail to ${mail.to}: ${mail.subject}`);
}
