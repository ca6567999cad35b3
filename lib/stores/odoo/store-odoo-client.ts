// The Odoo client a store's background work uses (the sync): its saved connection, opened. Null
// when the store has no Odoo connection.
import "server-only";
import type { Store } from "@/db/schema/stores";
import { logger } from "@/lib/logger";
import { createOdooClient, type CreateOdooClientOptions, type OdooClient } from "@/lib/odoo/create-odoo-client";
import { findOdooConnection } from "./odoo-connection";
import { odooConnectionUrl, openOdooApiKey } from "./odoo-connection-secret";

type ClientOptions = Omit<CreateOdooClientOptions, "url" | "database" | "login" | "apiKey" | "protocol">;

export async function storeOdooClient(
  store: Pick<Store, "id" | "organizationId" | "shopDomain">,
  options: ClientOptions = {},
): Promise<OdooClient | null> {
  const connection = await findOdooConnection(store);
  if (!connection) return null;
  return createOdooClient({
    url: odooConnectionUrl(connection),
    database: connection.database,
    login: connection.login,
    apiKey: openOdooApiKey(connection),
    protocol: connection.protocol,
    logger: logger.child({ storeId: store.id, odoo: connection.database }),
    ...options,
  });
}
