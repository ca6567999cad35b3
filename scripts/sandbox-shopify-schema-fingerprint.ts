// `npm run schema:fingerprint`: regenerates lib/shopify/admin-schema-fingerprint.graphql from the
// real Admin API SDL (SHOPIFY_ADMIN_SCHEMA, else ../shared/shopify beside the repository): the
// types, fields and arguments the sandbox serves and the app's documents use, with their types,
// no descriptions. Run it after changing the sandbox's schema or a document, and commit the file;
// the contract tests fail until it is current.
import { writeFileSync } from "node:fs";
import path from "node:path";

async function main() {
  const { adminSchemaFingerprintPath, loadAdminSchema } = await import("../lib/shopify/admin-schema");
  const { buildSchemaFingerprint } = await import("../lib/shopify/schema-fingerprint");
  const { appGraphqlDocuments } = await import("../lib/shopify/collect-schema-usage");
  const { sandboxSchema } = await import("../lib/sandbox/shopify/graphql/build-sandbox-schema");
  const text = buildSchemaFingerprint({
    real: loadAdminSchema(),
    sandbox: sandboxSchema(),
    documents: appGraphqlDocuments(path.resolve("lib")),
  });
  writeFileSync(adminSchemaFingerprintPath(), text);
  console.log(
    `[schema:fingerprint] wrote ${path.relative(process.cwd(), adminSchemaFingerprintPath())} (${text.length} bytes)`,
  );
}

main().catch((error: unknown) => {
  console.error(`[schema:fingerprint] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
