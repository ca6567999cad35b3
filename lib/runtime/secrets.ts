// Secrets the app cannot run without. In production they must come from the environment; on a
// developer machine they are generated once and kept in the data folder, so restarts keep
// sessions and encrypted credentials valid.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export const REQUIRED_SECRETS = {
  BETTER_AUTH_SECRET: () => randomBytes(32).toString("base64url"),
  SYNCO_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
} as const;

export type SecretName = keyof typeof REQUIRED_SECRETS;

export class MissingSecretsError extends Error {
  constructor(readonly missing: SecretName[]) {
    super(
      `Missing required secret${missing.length > 1 ? "s" : ""} in production: ${missing.join(", ")}. ` +
        "Set them in the environment (see README › Configuration); they are generated automatically only outside production.",
    );
  }
}

/** Names of required secrets absent from `env`. */
export function missingSecrets(env: NodeJS.ProcessEnv = process.env): SecretName[] {
  return (Object.keys(REQUIRED_SECRETS) as SecretName[]).filter((name) => !env[name]);
}

/**
 * Returns every required secret: from the environment when set, otherwise (outside production)
 * from `<dataDir>/secrets.json`, generating and saving the ones that are missing.
 */
export async function loadSecrets(options: {
  dataDir: string;
  production: boolean;
}): Promise<Record<SecretName, string>> {
  const missing = missingSecrets();
  if (missing.length > 0 && options.production) throw new MissingSecretsError(missing);
  const file = path.join(options.dataDir, "secrets.json");
  const stored = JSON.parse(await fs.readFile(file, "utf8").catch(() => "{}")) as Partial<Record<SecretName, string>>;
  let changed = false;
  for (const name of missing) {
    if (!stored[name]) {
      stored[name] = REQUIRED_SECRETS[name]();
      changed = true;
    }
  }
  if (changed) {
    await fs.mkdir(options.dataDir, { recursive: true });
    await fs.writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  const result = {} as Record<SecretName, string>;
  for (const name of Object.keys(REQUIRED_SECRETS) as SecretName[]) {
    result[name] = process.env[name] || stored[name]!;
  }
  return result;
}
