// Request schemas and answer shapes of a store's Odoo connection routes. No server imports here:
// the settings form uses them too.
import { z } from "zod";
import type { OdooConnectionCheck } from "@/lib/odoo/check-odoo-connection";
import { ODOO_PROTOCOL_SETTINGS, type OdooConnectionProblem, type OdooProtocolSetting } from "@/lib/vocabulary/odoo";
import { listWords } from "@/lib/vocabulary/words";

/** The address Odoo is opened at: http(s), no credentials in it, no trailing slash. */
export const ZOdooUrl = z
  .string({ error: "url is required" })
  .trim()
  .min(1, "url is required")
  .max(2048, "url is too long")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && !url.search;
    } catch {
      return false;
    }
  }, "url must be an http(s) address without a login or query, e.g. https://mycompany.odoo.com")
  .transform((value) => value.replace(/\/+$/, ""));

export const ZOdooDatabase = z
  .string({ error: "database is required" })
  .trim()
  .min(1, "database is required")
  .max(63, "database must be at most 63 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "database may contain only letters, digits, '_', '-' and '.'");

export const ZOdooLogin = z
  .string({ error: "login is required" })
  .trim()
  .min(1, "login is required")
  .max(254, "login must be at most 254 characters");

export const ZOdooApiKey = z
  .string({ error: "apiKey must be text" })
  .trim()
  .min(1, "apiKey is required")
  .max(512, "apiKey is too long");

export const ZOdooProtocolSetting = z.enum(ODOO_PROTOCOL_SETTINGS, {
  error: `protocol must be ${listWords(ODOO_PROTOCOL_SETTINGS, "or")}`,
});

/** Saves the connection; without `apiKey` the key on record is kept (there must be one). */
export const ZSaveOdooConnectionRequest = z.object({
  url: ZOdooUrl,
  database: ZOdooDatabase,
  login: ZOdooLogin,
  apiKey: ZOdooApiKey.optional(),
  protocol: ZOdooProtocolSetting.default("auto"),
});
export type TSaveOdooConnectionRequest = z.infer<typeof ZSaveOdooConnectionRequest>;
export type TSaveOdooConnectionInput = z.input<typeof ZSaveOdooConnectionRequest>;

/** Tests the saved connection, or values entered in the form (what is left out comes from the saved one). */
export const ZTestOdooConnectionRequest = z.object({
  url: ZOdooUrl.optional(),
  database: ZOdooDatabase.optional(),
  login: ZOdooLogin.optional(),
  apiKey: ZOdooApiKey.optional(),
  protocol: ZOdooProtocolSetting.optional(),
});
export type TTestOdooConnectionRequest = z.infer<typeof ZTestOdooConnectionRequest>;

/** What the browser learns of a connection: never the API key, only whether one is set. */
export type TOdooConnectionView = {
  sandbox: boolean;
  url: string;
  database: string;
  login: string;
  protocol: OdooProtocolSetting;
  apiKeySet: boolean;
  lastTest: { at: string; ok: boolean; problem: OdooConnectionProblem | null; serverVersion: string | null } | null;
  updatedAt: string;
};

export type TOdooConnectionResponse = { connection: TOdooConnectionView | null };
export type TRemoveOdooConnectionResponse = TOdooConnectionResponse & { removed: boolean };
export type TTestOdooConnectionResponse = { result: OdooConnectionCheck };
