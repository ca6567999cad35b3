import { spawn, type ChildProcess } from "node:child_process";
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

// A separate Node process that starts (or reuses) the embedded server, prints whether it owns
// it, and keeps running until told to stop.
function startInChild(dataDir: string, port: number): Promise<{ owner: boolean; child: ChildProcess }> {
  const code = `
    const { startEmbeddedPostgres } = await import(${JSON.stringify(path.resolve("db/embedded.ts"))});
    const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
    console.log(JSON.stringify({ owner: db.owner }));
    process.on("SIGTERM", async () => { await db.stop(); process.exit(0); });
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
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

describe("embedded PostgreSQL", () => {
  it("lets two processes start at once: one owns the server, the other reuses it; data survives a restart", async () => {
    const dataDir = path.join(os.tmpdir(), `synco-embedded-${randomUUID()}`);
    const port = 55_000 + Math.floor(Math.random() * 4000);
    const [a, b] = await Promise.all([startInChild(dataDir, port), startInChild(dataDir, port)]);
    expect([a.owner, b.owner].sort()).toEqual([false, true]);

    const here = await startEmbeddedPostgres({ dataDir, port });
    expect(here.owner).toBe(false);
    await query(here.adminUrl, "create table kept (value text); insert into kept values ('still here')");

    await stopChild(a.owner ? a.child : b.child);
    await stopChild(a.owner ? b.child : a.child);
    const again = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(again.owner).toBe(true);
      expect(await query(again.adminUrl, "select value from kept")).toEqual([{ value: "still here" }]);
    } finally {
      await again.stop();
    }
  });
});
