// App-reserved namespaces, as Shopify resolves them: `$app` becomes `app--{apiClientId}` and
// `$app:foo` becomes `app--{apiClientId}--foo`. Another app's reserved namespace is off limits.
import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

const RESERVED = /^app--(\d+)(?:--|$)/;

/** The stored namespace for what the request says; a missing namespace means the app's own. */
export function resolveNamespace(namespace: string | null | undefined, appId: number): string {
  if (namespace == null || namespace === "$app") return `app--${appId}`;
  if (namespace.startsWith("$app:")) return `app--${appId}--${namespace.slice("$app:".length)}`;
  return namespace;
}

export function isOtherAppsNamespace(namespace: string, appId: number): boolean {
  const match = RESERVED.exec(namespace);
  return match !== null && Number(match[1]) !== appId;
}

/** SQL: the namespace column is not another app's reserved namespace. */
export function visibleToApp(namespace: PgColumn, appId: number): SQL {
  return sql`not (${namespace} like 'app--%' and ${namespace} <> ${`app--${appId}`} and ${namespace} not like ${`app--${appId}--%`})`;
}
