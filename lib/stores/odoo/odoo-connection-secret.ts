// A store's Odoo API key as it lives encrypted in `store_odoo_connections`. The associated data is
// the store id, so a ciphertext copied onto another store's row does not decrypt.
import "server-only";
import type { StoreOdooConnection } from "@/db/schema/odoo-connections";
import { open, seal } from "@/lib/crypto/seal";
import { appUrl } from "@/lib/runtime/app-url";

const aadFor = (storeId: string) => `synco:store-odoo-api-key:${storeId}`;

export function sealOdooApiKey(storeId: string, apiKey: string): { apiKeyCiphertext: string; apiKeyKeyId: string } {
  const sealed = seal(apiKey, { aad: aadFor(storeId) });
  return { apiKeyCiphertext: sealed.ciphertext, apiKeyKeyId: sealed.keyId };
}

export function openOdooApiKey(connection: Pick<StoreOdooConnection, "storeId" | "apiKeyCiphertext" | "apiKeyKeyId">) {
  return open(
    { ciphertext: connection.apiKeyCiphertext, keyId: connection.apiKeyKeyId },
    { aad: aadFor(connection.storeId) },
  );
}

/** The server root to call: a sandbox connection's path is on this app. */
export function odooConnectionUrl(connection: Pick<StoreOdooConnection, "sandbox" | "url">): string {
  return connection.sandbox ? `${appUrl()}${connection.url}` : connection.url;
}
