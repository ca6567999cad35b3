import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGTERM");
});

// A separate Node process that starts (or reuses) the embedded server, prints whether it started
// it, and keeps running until told to stop.
/**
 * A port for a test's server, below Linux's ephemeral range (32768–60999) from which the suite's
 * other servers draw theirs (listening on port 0): one of them once took a port drawn from 55000+
 * between the check and the start.
 */
const testPort = () => 20_000 + Math.floor(Math.random() * 4000);

function startInChild(dataDir: string, port: number): Promise<{ started: boolean; child: ChildProcess }> {
  const code = `
    const { startEmbeddedPostgres } = await import(${JSON.stringify(path.resolve("db/embedded.ts"))});
    const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
    console.log(JSON.stringify({ started: db.started }));
    process.on("SIGTERM", async () => { await db.stop(); process.exit(0); });
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    stdio: ["ignore", "pipe", "inherit"],
    detached: true, // its own process group, like a terminal session
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", (line) => resolve({ ...JSON.parse(line), child }));
    child.once("exit", (code) => reject(new Error(`child exited with ${code}`)));
  });
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const isUp = (url: string) =>
  query(url, "select 1").then(
    () => true,
    () => false,
  );

describe("embedded PostgreSQL", () => {
  it("is shared by processes that start at once, stops with the last one, and keeps its data", async () => {
    const dataDir = path.join(os.tmpdir(), `synco-embedded-${randomUUID()}`);
    const port = testPort();
    const [a, b] = await Promise.all([startInChild(dataDir, port), startInChild(dataDir, port)]);
    expect([a.started, b.started].sort()).toEqual([false, true]);

    const here = await startEmbeddedPostgres({ dataDir, port });
    expect(here.started).toBe(false);
    await query(here.adminUrl, "create table kept (value text); insert into kept values ('still here')");

    // The process that started the server leaves first: the others keep using it.
    await stopChild(a.started ? a.child : b.child);
    expect(await isUp(here.adminUrl)).toBe(true);
    await stopChild(a.started ? b.child : a.child);
    expect(await isUp(here.adminUrl)).toBe(true);
    await here.stop();
    expect(await isUp(here.adminUrl)).toBe(false);

    const again = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(again.started).toBe(true);
      expect(await query(again.adminUrl, "select value from kept")).toEqual([{ value: "still here" }]);
      // Sized for a million-row clear (decision 109): an eighth of memory, 128 MB to 1 GB; 4 GB of WAL.
      const [settings] = await query(
        again.adminUrl,
        "select current_setting('max_wal_size') as wal, pg_size_bytes(current_setting('shared_buffers')) as buffers",
      );
      const eighth = Math.floor(os.totalmem() / 2 ** 20 / 8);
      expect(settings).toEqual({ wal: "4GB", buffers: String(Math.min(1024, Math.max(128, eighth)) * 2 ** 20) });
    } finally {
      await again.stop();
    }
  });

  it("moves to a free port when another server holds the preferred one, unless the port is strict", async () => {
    const port = testPort();
    const holder = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `synco-embedded-${randomUUID()}`),
      port,
    });
    const otherDir = path.join(os.tmpdir(), `synco-embedded-${randomUUID()}`);
    try {
      await expect(startEmbeddedPostgres({ dataDir: otherDir, port, strictPort: true })).rejects.toThrow(
        `port ${port} is taken`,
      );
      const other = await startEmbeddedPostgres({ dataDir: otherDir, port });
      expect(other.started).toBe(true);
      expect(new URL(other.adminUrl).port).not.toBe(String(port));
      // A later process of the same data folder finds the server on the port it moved to.
      const again = await startEmbeddedPostgres({ dataDir: otherDir, port });
      expect(again.started).toBe(false);
      expect(again.adminUrl).toBe(other.adminUrl);
      await again.stop();
      await other.stop();
      expect(await isUp(other.adminUrl)).toBe(false);
    } finally {
      await holder.stop();
    }
  });

  it.runIf(process.getuid?.() === 0)("starts as root in a data folder made private (0700) beforehand", async () => {
    const dataDir = path.join(os.tmpdir(), `synco-embedded-${randomUUID()}`);
    await fs.mkdir(path.join(dataDir, "mail"), { recursive: true, mode: 0o700 });
    await fs.chmod(dataDir, 0o700);
    const port = testPort();
    const db = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await isUp(db.adminUrl)).toBe(true);
      // Only passing through was opened up: no one else may list or read the folder.
      expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o701);
    } finally {
      await db.stop();
    }
  });

  it("keeps serving when the starting process is interrupted with Ctrl-C (SIGINT to its group)", async () => {
    const dataDir = path.join(os.tmpdir(), `synco-embedded-${randomUUID()}`);
    const port = testPort();
    const starter = await startInChild(dataDir, port);
    const user = await startEmbeddedPostgres({ dataDir, port });
    process.kill(-starter.child.pid!, "SIGINT");
    await new Promise((resolve) => starter.child.once("exit", resolve));
    try {
      expect(await isUp(user.adminUrl)).toBe(true);
    } finally {
      await user.stop();
    }
    expect(await isUp(user.adminUrl)).toBe(false);
  });
});
