// Shopify's Admin API schema for contract tests: the sandbox must serve a subset of it, and every
// GraphQL document the app sends must validate against it. The real SDL is kept outside the
// repository (SHOPIFY_ADMIN_SCHEMA, else ../shared/shopify beside the clone); the committed
// fingerprint (admin-schema-fingerprint.graphql, generated from it by `npm run schema:fingerprint`)
// is the part this repository uses, so the checks run on any clone.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, type GraphQLSchema } from "graphql";

export const ADMIN_API_VERSION = "2026-01";

// Resolved on call, not on import: in `next build` bundles import.meta.dirname is undefined, and
// the runtime modules that import ADMIN_API_VERSION must still load.
const here = () => (import.meta.dirname ? import.meta.dirname : path.resolve("lib/shopify"));

/** The committed fingerprint's path. */
export const adminSchemaFingerprintPath = () => path.join(here(), "admin-schema-fingerprint.graphql");

/**
 * Where the real SDL is: SHOPIFY_ADMIN_SCHEMA (which must then exist), else ../shared/shopify
 * beside the repository if it is there; null when neither is.
 */
export function findAdminSchemaFile(): string | null {
  if (process.env.SHOPIFY_ADMIN_SCHEMA) {
    const file = path.resolve(process.env.SHOPIFY_ADMIN_SCHEMA);
    if (!existsSync(file)) throw new Error(`SHOPIFY_ADMIN_SCHEMA names ${file}, which does not exist`);
    return file;
  }
  const beside = path.resolve(here(), "../../../shared/shopify", `admin-${ADMIN_API_VERSION}.graphql`);
  return existsSync(beside) ? beside : null;
}

let real: GraphQLSchema | undefined;
let fingerprint: GraphQLSchema | undefined;

/** The real schema; an error that says where to put it when it is not found. */
export function loadAdminSchema(): GraphQLSchema {
  if (real) return real;
  const file = findAdminSchemaFile();
  if (!file)
    throw new Error(
      `Shopify Admin API ${ADMIN_API_VERSION} schema not found: set SHOPIFY_ADMIN_SCHEMA to the SDL file ` +
        "or put it in ../shared/shopify beside the repository.",
    );
  // The file is Shopify's own introspection output; re-validating 3 MB of SDL only costs time.
  real = buildSchema(readFileSync(file, "utf8"), { assumeValidSDL: true });
  return real;
}

/** The committed fingerprint as a schema (types it reaches but uses no field of are left empty). */
export function loadAdminSchemaFingerprint(): GraphQLSchema {
  fingerprint ??= buildSchema(readFileSync(adminSchemaFingerprintPath(), "utf8"), {
    assumeValidSDL: true,
    assumeValid: true,
  });
  return fingerprint;
}
