// The keys that encrypt credentials at rest. SYNCO_ENCRYPTION_KEY encrypts; keys listed in
// SYNCO_ENCRYPTION_PREVIOUS_KEYS still decrypt, so a key can be rotated without downtime: deploy
// the new key with the old one listed as previous, run `npm run keys:rotate`, then drop the old one.
import { createHash } from "node:crypto";

export type EncryptionKey = { id: string; bytes: Buffer };
export type EncryptionKeys = { current: EncryptionKey; byId: Map<string, EncryptionKey> };

/** A short fingerprint stored beside each ciphertext: it names the key without revealing it. */
export function encryptionKeyId(bytes: Buffer): string {
  return createHash("sha256").update("synco-encryption-key:").update(bytes).digest("hex").slice(0, 16);
}

function parseKey(value: string, name: string): EncryptionKey {
  const bytes = Buffer.from(value.trim(), "base64");
  if (bytes.length !== 32) throw new Error(`${name} must be 32 bytes encoded as base64 (got ${bytes.length} bytes)`);
  return { id: encryptionKeyId(bytes), bytes };
}

let cached: { source: string; keys: EncryptionKeys } | undefined;

/** Reads the keys from the environment (re-read when it changes, so tests can rotate). */
export function encryptionKeys(env: NodeJS.ProcessEnv = process.env): EncryptionKeys {
  const currentValue = env.SYNCO_ENCRYPTION_KEY;
  if (!currentValue)
    throw new Error("SYNCO_ENCRYPTION_KEY is not set: it encrypts store credentials (see README › Configuration)");
  const previousValue = env.SYNCO_ENCRYPTION_PREVIOUS_KEYS ?? "";
  const source = `${currentValue}|${previousValue}`;
  if (cached?.source === source) return cached.keys;
  const current = parseKey(currentValue, "SYNCO_ENCRYPTION_KEY");
  const byId = new Map([[current.id, current]]);
  previousValue
    .split(",")
    .filter((value) => value.trim() !== "")
    .forEach((value, index) => {
      const key = parseKey(value, `SYNCO_ENCRYPTION_PREVIOUS_KEYS[${index}]`);
      if (!byId.has(key.id)) byId.set(key.id, key);
    });
  cached = { source, keys: { current, byId } };
  return cached.keys;
}
