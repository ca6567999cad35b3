import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSecrets, MissingSecretsError } from "./secrets";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const tempDir = () => path.join(os.tmpdir(), `synco-secrets-${randomUUID()}`);

describe("secrets", () => {
  it("refuses to start in production without them, naming each one", async () => {
    delete process.env.BETTER_AUTH_SECRET;
    delete process.env.SYNCO_ENCRYPTION_KEY;
    const error = await loadSecrets({ dataDir: tempDir(), production: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingSecretsError);
    expect((error as Error).message).toMatch(/BETTER_AUTH_SECRET, SYNCO_ENCRYPTION_KEY/);
  });

  it("generates them once outside production and keeps them in the data folder", async () => {
    delete process.env.BETTER_AUTH_SECRET;
    delete process.env.SYNCO_ENCRYPTION_KEY;
    const dataDir = tempDir();
    const first = await loadSecrets({ dataDir, production: false });
    const second = await loadSecrets({ dataDir, production: false });
    expect(second).toEqual(first);
    expect(Buffer.from(first.SYNCO_ENCRYPTION_KEY, "base64")).toHaveLength(32);
    const stat = await fs.stat(path.join(dataDir, "secrets.json"));
    expect(stat.mode & 0o077).toBe(0);
  });

  it("prefers the environment over the stored file", async () => {
    process.env.BETTER_AUTH_SECRET = "from-the-environment";
    const secrets = await loadSecrets({ dataDir: tempDir(), production: false });
    expect(secrets.BETTER_AUTH_SECRET).toBe("from-the-environment");
  });

  it("`npm start` in production without secrets exits with a clear message", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", SYNCO_DATA_DIR: tempDir() };
    delete env.BETTER_AUTH_SECRET;
    delete env.SYNCO_ENCRYPTION_KEY;
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Missing required secrets in production: BETTER_AUTH_SECRET, SYNCO_ENCRYPTION_KEY/);
  });
});
