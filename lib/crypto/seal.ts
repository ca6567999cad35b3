// AES-256-GCM with a random 96-bit IV per encryption. The associated data binds a ciphertext to
// what it belongs to (e.g. one store's id): copied onto another row, it no longer decrypts.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { encryptionKeys } from "./encryption-keys";

export type Sealed = { ciphertext: string; keyId: string };

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DecryptionError";
  }
}

/** Encrypts with the current key; `ciphertext` is `v1.` + base64(iv ‖ tag ‖ data). */
export function seal(plaintext: string, { aad }: { aad: string }): Sealed {
  const key = encryptionKeys().current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const packed = Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
  return { ciphertext: `${VERSION}.${packed}`, keyId: key.id };
}

/** Decrypts with the key named by `keyId` (current or previous). Never echoes the data in errors. */
export function open({ ciphertext, keyId }: Sealed, { aad }: { aad: string }): string {
  const key = encryptionKeys().byId.get(keyId);
  if (!key)
    throw new DecryptionError(`no encryption key with id ${keyId}: list the old key in SYNCO_ENCRYPTION_PREVIOUS_KEYS`);
  const [version, packed] = ciphertext.split(".", 2);
  if (version !== VERSION || !packed) throw new DecryptionError(`unknown ciphertext format ${JSON.stringify(version)}`);
  const raw = Buffer.from(packed, "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new DecryptionError("ciphertext does not authenticate (wrong key, other owner or tampered)", {
      cause: error,
    });
  }
}
