// A store's credentials as they live encrypted in `stores.credentials_*`. The associated data is
// the store id, so a ciphertext copied onto another store's row does not decrypt.
import "server-only";
import { z } from "zod";
import type { Store } from "@/db/schema/stores";
import { open, seal, type Sealed } from "@/lib/crypto/seal";

export const ZStoreCredentials = z.object({
  accessToken: z.string().min(1),
  /** Expiring offline tokens: when the access token stops working, and the pair that renews it. */
  accessTokenExpiresAt: z.string().nullable().default(null),
  refreshToken: z.string().nullable().default(null),
  refreshTokenExpiresAt: z.string().nullable().default(null),
  scopes: z.array(z.string()).default([]),
  /** Sandbox stores: the installation's secret that signs its webhooks. */
  apiSecret: z.string().nullable().default(null),
});
export type StoreCredentials = z.infer<typeof ZStoreCredentials>;
export type StoreCredentialsInput = z.input<typeof ZStoreCredentials>;

const aadFor = (storeId: string) => `synco:store-credentials:${storeId}`;

export function encryptCredentials(
  storeId: string,
  credentials: StoreCredentialsInput,
): { credentialsCiphertext: string; credentialsKeyId: string } {
  const sealed = seal(JSON.stringify(ZStoreCredentials.parse(credentials)), { aad: aadFor(storeId) });
  return { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId };
}

export function decryptCredentials(storeId: string, sealed: Sealed): StoreCredentials {
  return ZStoreCredentials.parse(JSON.parse(open(sealed, { aad: aadFor(storeId) })));
}

/** The store's credentials, or null when it has none (disconnected). */
export function storeCredentials(
  store: Pick<Store, "id" | "credentialsCiphertext" | "credentialsKeyId">,
): StoreCredentials | null {
  if (!store.credentialsCiphertext || !store.credentialsKeyId) return null;
  return decryptCredentials(store.id, { ciphertext: store.credentialsCiphertext, keyId: store.credentialsKeyId });
}
