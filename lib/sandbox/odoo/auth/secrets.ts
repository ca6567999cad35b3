// Secrets of sandbox Odoo users: passwords as scrypt hashes, API keys (40 hex characters, "a strong
// 160-bits random key" as Odoo's docs describe them) as SHA-256 with their first 8 characters as
// the lookup index, as Odoo's res.users.apikeys keeps them. Neither is ever stored in clear.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

export const newApiKey = (): string => randomBytes(20).toString("hex");
export const apiKeyIndex = (key: string): string => key.slice(0, 8);
export const hashApiKey = (key: string): string => createHash("sha256").update(key).digest("hex");

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString("base64")}$${scryptSync(password, salt, 32).toString("base64")}`;
}

export function verifyPassword(password: string, stored: string | null): boolean {
  if (!stored) return false;
  const [scheme, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = scryptSync(password, Buffer.from(salt, "base64"), expected.length);
  return timingSafeEqual(actual, expected);
}
