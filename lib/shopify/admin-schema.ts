// Loads Shopify's real Admin API schema (SDL, kept outside the repository) for contract tests:
// the sandbox must serve a subset of it, and every GraphQL document the app sends must validate
// against it. A missing file is an error that names where it was looked for — never a skip.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, type GraphQLSchema } from "graphql";

export const ADMIN_API_VERSION = "2026-01";

/** Where the SDL is looked for, in order: SHOPIFY_ADMIN_SCHEMA, ../shared/shopify, /work/shared/shopify. */
export function adminSchemaCandidates(): string[] {
  const file = `admin-${ADMIN_API_VERSION}.graphql`;
  // Resolved on call, not on import: in `next build` bundles import.meta.dirname is undefined, and
  // the runtime modules that import ADMIN_API_VERSION must still load.
  const repoRoot = import.meta.dirname ? path.resolve(import.meta.dirname, "../..") : process.cwd();
  return [
    ...(process.env.SHOPIFY_ADMIN_SCHEMA ? [path.resolve(process.env.SHOPIFY_ADMIN_SCHEMA)] : []),
    path.resolve(repoRoot, "../shared/shopify", file),
    path.join("/work/shared/shopify", file),
  ];
}

let cached: GraphQLSchema | undefined;

export function loadAdminSchema(): GraphQLSchema {
  if (cached) return cached;
  const candidates = adminSchemaCandidates();
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `Shopify Admin API ${ADMIN_API_VERSION} schema not found. Looked in:\n${candidates.map((c) => `  - ${c}`).join("\n")}\n` +
        "Set SHOPIFY_ADMIN_SCHEMA to the SDL file (see ../shared/shopify/README.md).",
    );
  }
  // The file is Shopify's own introspection output; re-validating 3 MB of SDL only costs time.
  cached = buildSchema(readFileSync(found, "utf8"), { assumeValidSDL: true });
  return cached;
}
