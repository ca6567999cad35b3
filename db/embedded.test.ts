import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";

describe("embedded PostgreSQL", () => {
  it("lets two processes start at once: one owns the server, the other reuses it, data survives a restart", async () => {
    const dataDir = path.join(os.tmpdir(), `synco-embedded-${randomUUID()}`);
    const port = 55_000 + Math.floor(Math.random() * 4000);
    const [a, b] = await Promise.all([startEmbeddedPostgres({ dataDir, port }), startEmbeddedPostgres({ dataDir, port })]);
    expect([a.owner, b.owner].sort()).toEqual([false, true]);

    const client = new pg.Client({ connectionString: a.adminUrl });
    await client.connect();
    await client.query("create table kept (value text)");
    await client.query("insert into kept values ('still here')");
    await client.end();
    await (a.owner ? a : b).stop();

    const again = await startEmbeddedPostgres({ dataDir, port });
    expect(again.owner).toBe(true);
    const reader = new pg.Client({ connectionString: again.adminUrl });
    await reader.connect();
    const { rows } = await reader.query("select value from kept");
    await reader.end();
    await again.stop();
    expect(rows).toEqual([{ value: "still here" }]);
  });
});
