// Credentials at rest: AES-256-GCM, a fresh IV each time, bound to its store id, named by key id;
// and key rotation that is idempotent, resumable and leaves nothing under the old key.
import { randomBytes, randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { storeOdooConnections } from "@/db/schema/odoo-connections";
import { stores } from "@/db/schema/stores";
import { openOdooApiKey, sealOdooApiKey } from "@/lib/stores/odoo/odoo-connection-secret";
import { decryptCredentials, encryptCredentials, storeCredentials } from "@/lib/stores/store-credentials";
import { rotateCredentialsKey } from "@/lib/stores/rotate-credentials-key";
import { createOrg, signUp } from "@/lib/testing/accounts";
import { encryptionKeyId, encryptionKeys } from "./encryption-keys";
import { DecryptionError, open, seal } from "./seal";

const saved = { key: process.env.SYNCO_ENCRYPTION_KEY, previous: process.env.SYNCO_ENCRYPTION_PREVIOUS_KEYS };
afterEach(() => {
  process.env.SYNCO_ENCRYPTION_KEY = saved.key;
  if (saved.previous === undefined) delete process.env.SYNCO_ENCRYPTION_PREVIOUS_KEYS;
  else process.env.SYNCO_ENCRYPTION_PREVIOUS_KEYS = saved.previous;
});
const newKey = () => randomBytes(32).toString("base64");

describe("sealing", () => {
  it("round-trips, uses a new IV each time and names the key by a fingerprint", () => {
    const a = seal("shpat_secret", { aad: "store-1" });
    const b = seal("shpat_secret", { aad: "store-1" });
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.ciphertext).not.toContain("shpat_secret");
    expect(a.keyId).toBe(encryptionKeyId(Buffer.from(process.env.SYNCO_ENCRYPTION_KEY!, "base64")));
    expect(open(a, { aad: "store-1" })).toBe("shpat_secret");
  });

  it("refuses another store's ciphertext, a tampered one, and an unknown key — without echoing data", () => {
    const sealed = seal("shpat_secret", { aad: "store-1" });
    expect(() => open(sealed, { aad: "store-2" })).toThrow(DecryptionError);
    const raw = Buffer.from(sealed.ciphertext.slice(3), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => open({ ...sealed, ciphertext: `v1.${raw.toString("base64")}` }, { aad: "store-1" })).toThrow(
      /does not authenticate/,
    );
    expect(() => open({ ...sealed, keyId: "0000000000000000" }, { aad: "store-1" })).toThrow(
      /SYNCO_ENCRYPTION_PREVIOUS_KEYS/,
    );
  });

  it("rejects a key that is not 32 bytes of base64", () => {
    process.env.SYNCO_ENCRYPTION_KEY = Buffer.alloc(16).toString("base64");
    expect(() => encryptionKeys()).toThrow(/SYNCO_ENCRYPTION_KEY must be 32 bytes/);
  });

  it("binds store credentials to the store id", () => {
    const sealed = encryptCredentials("a", { accessToken: "shpat_x" });
    expect(
      decryptCredentials("a", { ciphertext: sealed.credentialsCiphertext, keyId: sealed.credentialsKeyId }).accessToken,
    ).toBe("shpat_x");
    expect(() =>
      decryptCredentials("b", { ciphertext: sealed.credentialsCiphertext, keyId: sealed.credentialsKeyId }),
    ).toThrow(DecryptionError);
  });
});

describe("key rotation", () => {
  // Each test rotates only its own organization: other test files share the database and its key.
  let organizationId = "";
  async function storesUnderKey(count: number) {
    const owner = await signUp();
    const org = await createOrg(owner);
    const ids = Array.from({ length: count }, () => randomUUID());
    organizationId = org.id;
    await db.insert(stores).values(
      ids.map((id, i) => ({
        id,
        organizationId: org.id,
        shopDomain: `rotate-${randomUUID().slice(0, 10)}.myshopify.com`,
        kind: "sandbox" as const,
        connectionMethod: "sandbox" as const,
        name: `Rotate ${i}`,
        apiVersion: "2026-01",
        ...encryptCredentials(id, { accessToken: `shpat_${i}`, scopes: ["read_products"] }),
      })),
    );
    return ids;
  }
  const rows = (ids: string[]) => db.select().from(stores).where(inArray(stores.id, ids));

  it("re-encrypts every row with the new key, keeps old ones readable meanwhile, and is idempotent", async () => {
    const oldKey = process.env.SYNCO_ENCRYPTION_KEY!;
    const ids = await storesUnderKey(3);
    process.env.SYNCO_ENCRYPTION_KEY = newKey();
    process.env.SYNCO_ENCRYPTION_PREVIOUS_KEYS = oldKey;
    const current = encryptionKeys().current.id;
    // Before rotation, rows under the previous key still decrypt.
    expect(storeCredentials((await rows(ids))[0]!)!.accessToken).toMatch(/^shpat_/);

    const first = await rotateCredentialsKey({ batchSize: 2, organizationId });
    expect(first.failed).toEqual([]);
    expect(first).toMatchObject({ rotated: 3, alreadyCurrent: 0 });
    const after = await rows(ids);
    expect(after.every((row) => row.credentialsKeyId === current)).toBe(true);
    expect(after.map((row) => storeCredentials(row)!.accessToken).sort()).toEqual(["shpat_0", "shpat_1", "shpat_2"]);

    const second = await rotateCredentialsKey({ organizationId });
    expect(second).toMatchObject({ rotated: 0, alreadyCurrent: 3 });
    // The old key is no longer needed for these rows.
    delete process.env.SYNCO_ENCRYPTION_PREVIOUS_KEYS;
    expect((await rows(ids)).map((row) => storeCredentials(row)!.accessToken).sort()).toEqual([
      "shpat_0",
      "shpat_1",
      "shpat_2",
    ]);
  });

  it("reports rows no key can open instead of stopping, and finishes the rest", async () => {
    const ids = await storesUnderKey(2);
    process.env.SYNCO_ENCRYPTION_KEY = newKey();
    await db
      .update(stores)
      .set(encryptCredentials(ids[1]!, { accessToken: "shpat_lost" }))
      .where(eq(stores.id, ids[1]!));
    process.env.SYNCO_ENCRYPTION_KEY = newKey();
    process.env.SYNCO_ENCRYPTION_PREVIOUS_KEYS = saved.key!;
    const report = await rotateCredentialsKey({ organizationId });
    expect(report.failed.map((f) => f.storeId)).toEqual([ids[1]]);
    expect(report.failed[0]!.reason).not.toContain("shpat_");
    expect((await rows([ids[0]!]))[0]!.credentialsKeyId).toBe(encryptionKeys().current.id);
  });

  it("re-seals the stores' Odoo API keys too, each still bound to its store", async () => {
    const oldKey = process.env.SYNCO_ENCRYPTION_KEY!;
    const ids = await storesUnderKey(2);
    await db.insert(storeOdooConnections).values(
      ids.map((storeId, i) => ({
        storeId,
        organizationId,
        url: "https://acme.odoo.com",
        database: "acme",
        login: "sync@acme.com",
        ...sealOdooApiKey(storeId, `odoo-key-${i}`),
      })),
    );
    process.env.SYNCO_ENCRYPTION_KEY = newKey();
    process.env.SYNCO_ENCRYPTION_PREVIOUS_KEYS = oldKey;
    const report = await rotateCredentialsKey({ organizationId });
    expect(report.odooApiKeys).toMatchObject({ rotated: 2, failed: [] });
    delete process.env.SYNCO_ENCRYPTION_PREVIOUS_KEYS;
    const rows = await db.select().from(storeOdooConnections).where(inArray(storeOdooConnections.storeId, ids));
    expect(rows.every((row) => row.apiKeyKeyId === encryptionKeys().current.id)).toBe(true);
    expect(rows.map((row) => openOdooApiKey(row)).sort()).toEqual(["odoo-key-0", "odoo-key-1"]);
    // The first store's sealed key, presented as the second store's: refused.
    const first = rows.find((row) => row.storeId === ids[0])!;
    expect(() => openOdooApiKey({ ...first, storeId: ids[1]! })).toThrow(DecryptionError);
  });

  it("`npm run keys:rotate` runs as a script", async () => {
    const ids = await storesUnderKey(2);
    const env = { ...process.env, SYNCO_ENCRYPTION_KEY: newKey(), SYNCO_ENCRYPTION_PREVIOUS_KEYS: saved.key! };
    const args = [
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/rotate-keys.ts",
      "--organization",
      organizationId,
    ];
    const run = spawnSync(process.execPath, args, { env, encoding: "utf8", timeout: 120_000 });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/\[keys:rotate\] current key [0-9a-f]{16}: 2 re-encrypted, 0 already current, 0 failed/);
    expect(run.status).toBe(0);
    process.env.SYNCO_ENCRYPTION_KEY = env.SYNCO_ENCRYPTION_KEY;
    expect((await rows(ids)).map((row) => storeCredentials(row)!.accessToken).sort()).toEqual(["shpat_0", "shpat_1"]);
  });
});
