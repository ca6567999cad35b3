// `npm run keys:rotate`: re-encrypts every store's credentials with SYNCO_ENCRYPTION_KEY. Run it
// with the old key listed in SYNCO_ENCRYPTION_PREVIOUS_KEYS; run it again after any interruption.
// `-- --organization <id>` limits it to one organization. Exits 1 when a row could not be decrypted
// with any key given.
import path from "node:path";
import { closeDb } from "../db/client";
import { openDatabase } from "../lib/runtime/database";
import { loadSecrets } from "../lib/runtime/secrets";
import { rotateCredentialsKey } from "../lib/stores/rotate-credentials-key";

async function main() {
  const dataDir = path.resolve(process.env.SYNCO_DATA_DIR ?? ".data");
  Object.assign(process.env, await loadSecrets({ dataDir, production: process.env.NODE_ENV === "production" }));
  const database = await openDatabase({ dataDir });
  process.env.DATABASE_URL = database.url;
  try {
    const flag = process.argv.indexOf("--organization");
    const organizationId = flag > 0 ? process.argv[flag + 1] : undefined;
    const report = await rotateCredentialsKey({ organizationId, log: (line) => console.log(`[keys:rotate] ${line}`) });
    console.log(
      `[keys:rotate] current key ${report.keyId}: ${report.rotated} re-encrypted, ${report.alreadyCurrent} already current, ${report.failed.length} failed`,
    );
    const odoo = report.odooApiKeys;
    console.log(
      `[keys:rotate] Odoo API keys: ${odoo.rotated} re-encrypted, ${odoo.alreadyCurrent} already current, ${odoo.failed.length} failed`,
    );
    for (const failure of [...report.failed, ...odoo.failed])
      console.error(`[keys:rotate] store ${failure.storeId}: ${failure.reason}`);
    process.exitCode = report.failed.length + odoo.failed.length ? 1 : 0;
  } finally {
    await closeDb();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[keys:rotate] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
