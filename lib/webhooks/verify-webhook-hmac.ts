import { createHmac, timingSafeEqual } from "node:crypto";

/** Shopify's webhook signature: base64 HMAC-SHA256 of the raw body, compared in constant time. */
export function verifyWebhookHmac({
  rawBody,
  hmac,
  secret,
}: {
  rawBody: Buffer;
  hmac: string;
  secret: string;
}): boolean {
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(hmac, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
