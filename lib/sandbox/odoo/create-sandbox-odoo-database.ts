// Provisioning: a new sandbox Odoo database of a given version, with what a fresh Odoo has (the
// company and its partner, USD, a few countries, Units, the "All" category, a 15 % sales tax,
// OdooBot as uid 1 and the administrator as uid 2) and an API key for the administrator,
// returned once and stored only as a hash.
import {
  sandboxOdooCredentials,
  sandboxOdooDatabases,
  type SandboxOdooDatabase,
  type SandboxOdooVersion,
} from "@/db/schema/sandbox-odoo";
import { ALL_GROUPS } from "./orm/access";
import { insertRows, bumpSequence } from "./orm/store";
import { registryFor } from "./orm/registry";
import { forgetDatabase } from "./auth/find-database";
import { hashPassword } from "./auth/secrets";
import { createSandboxOdooApiKey } from "./create-sandbox-odoo-api-key";
import { defaultOdooDb, type OdooDb } from "./odoo-db";
import type { OdooEnv, Vals } from "./orm/model-types";
import { versionProfile, isSandboxOdooVersion } from "./versions";

export type CreateSandboxOdooDatabaseOptions = {
  name: string;
  version: SandboxOdooVersion;
  companyName?: string;
  adminLogin?: string;
  /** The administrator's password; none: the administrator logs in with API keys only. */
  adminPassword?: string;
  db?: OdooDb;
};

export type CreatedSandboxOdooDatabase = {
  database: SandboxOdooDatabase;
  adminUid: number;
  adminLogin: string;
  /** The administrator's API key, shown once. */
  apiKey: string;
};

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;
const stamp = "2025-01-01 00:00:00";

export async function createSandboxOdooDatabase({
  name,
  version,
  companyName = "My Company",
  adminLogin = "admin",
  adminPassword,
  db = defaultOdooDb,
}: CreateSandboxOdooDatabaseOptions): Promise<CreatedSandboxOdooDatabase> {
  if (!NAME.test(name)) throw new Error(`not an Odoo database name: ${JSON.stringify(name)}`);
  if (!isSandboxOdooVersion(version))
    throw new Error(`the sandbox serves Odoo 16, 17, 18 and 19, not ${String(version)}`);
  const database = await db.transaction(async (tx) => {
    const [database] = await tx.insert(sandboxOdooDatabases).values({ name, version }).returning();
    const env = seedEnv(tx, database!);
    const rows: [string, number, Vals][] = [
      ["res.currency", 1, { name: "USD", symbol: "$", active: true }],
      ["res.currency", 2, { name: "EUR", symbol: "€", active: true }],
      ["res.country", 1, { name: "United States", code: "US" }],
      ["res.country", 2, { name: "France", code: "FR" }],
      ["res.country", 3, { name: "Germany", code: "DE" }],
      ["res.country", 4, { name: "United Kingdom", code: "GB" }],
      ["uom.uom", 1, { name: "Units", active: true }],
      ["product.category", 1, { name: "All", complete_name: "All", parent_id: null }],
      [
        "account.tax",
        1,
        { name: "15%", amount: 15, amount_type: "percent", type_tax_use: "sale", sequence: 1, active: true },
      ],
      [
        "res.partner",
        1,
        {
          name: companyName,
          complete_name: companyName,
          is_company: true,
          type: "contact",
          active: true,
          company_id: 1,
        },
      ],
      [
        "res.partner",
        2,
        { name: "OdooBot", complete_name: "OdooBot", is_company: false, type: "contact", active: false },
      ],
      [
        "res.partner",
        3,
        {
          name: "Administrator",
          complete_name: "Administrator",
          email: `${adminLogin}@example.com`,
          type: "contact",
          active: true,
          company_id: 1,
        },
      ],
      ["res.company", 1, { name: companyName, sequence: 10, currency_id: 1, partner_id: 1 }],
      [
        "res.users",
        1,
        { name: "OdooBot", login: "__system__", partner_id: 2, company_id: 1, active: false, share: false },
      ],
      [
        "res.users",
        2,
        { name: "Administrator", login: adminLogin, partner_id: 3, company_id: 1, active: true, share: false },
      ],
    ];
    const byModel = new Map<string, { id: number; vals: Vals }[]>();
    for (const [model, id, vals] of rows) {
      const full = { ...vals, create_date: stamp, write_date: stamp, create_uid: 1, write_uid: 1 };
      byModel.set(model, [...(byModel.get(model) ?? []), { id, vals: full }]);
    }
    for (const [model, list] of byModel) {
      await insertRows(env, model, list);
      await bumpSequence(tx, database!.id, model);
    }
    await tx.insert(sandboxOdooCredentials).values([
      {
        databaseId: database!.id,
        uid: 2,
        passwordHash: adminPassword ? hashPassword(adminPassword) : null,
        groups: ALL_GROUPS,
      },
    ]);
    return database!;
  });
  forgetDatabase(name);
  const apiKey = await createSandboxOdooApiKey({ databaseId: database.id, uid: 2, name: "Synco sandbox", db });
  return { database, adminUid: 2, adminLogin, apiKey };
}

/** An environment for provisioning and seeding: superuser, no access checks. */
export function seedEnv(tx: OdooDb, database: SandboxOdooDatabase): OdooEnv {
  return {
    tx,
    pool: tx,
    databaseId: database.id,
    databaseName: database.name,
    profile: versionProfile(database.version),
    registry: registryFor(database.version),
    uid: 1,
    groups: new Set(ALL_GROUPS),
    context: {},
    su: true,
    now: new Date(),
  };
}
