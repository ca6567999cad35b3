// `npm start`: the one command that runs the product. Provides secrets (generated on first run
// outside production), the database (embedded PostgreSQL unless DATABASE_URL is set) with
// migrations applied, a production build when the sources changed, then serves Next.js.
// `npm run dev` does the same with the Next.js dev server.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../lib/runtime/database";
import { loadSecrets } from "../lib/runtime/secrets";
import { stopWithParent } from "../lib/runtime/stop-with-parent";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const dataDir = path.resolve(root, process.env.SYNCO_DATA_DIR ?? ".data");
const port = process.env.PORT ?? "3000";
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const SOURCES = [
  "app",
  "lib",
  "db",
  "components",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

// Set once a signal (or the parent's exit) starts the shutdown; a build it cuts short is no failure.
let stopping = false;

function say(line: string) {
  console.log(`[synco] ${line}`);
}

async function main() {
  // Every file the app and its children write (logs, the mail outbox, the database's log) is
  // private to the user running it (docs/threat-model.md, T7).
  process.umask(0o077);
  const secrets = await loadSecrets({ dataDir, production: process.env.NODE_ENV === "production" });
  const database = await openDatabase({ dataDir, log: say });
  say(
    database.embedded
      ? `embedded PostgreSQL ready (data in ${path.relative(root, dataDir) || "."})`
      : "using DATABASE_URL",
  );

  const env = {
    ...process.env,
    ...secrets,
    DATABASE_URL: database.url,
    SYNCO_APP_URL: process.env.SYNCO_APP_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const running: { child?: ChildProcess } = {};
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const child = running.child;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(130));
  process.on("SIGTERM", () => void shutdown(143));
  stopWithParent(() => void shutdown(143));

  if (!dev) await buildIfStale(env, running);
  if (stopping) return;
  say(`serving on ${env.SYNCO_APP_URL}`);
  // Our server in front of Next.js resolves each client's address (scripts/serve.ts).
  running.child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...(dev ? ["--dev"] : [])], {
    cwd: root,
    env: { ...env, PORT: port, NODE_ENV: dev ? "development" : "production" },
    stdio: "inherit",
  });
  running.child.on("exit", (code) => void shutdown(code ?? 1));
}

// A production build takes a minute; skip it when nothing it is made from has changed.
async function buildIfStale(env: NodeJS.ProcessEnv, running: { child?: ChildProcess }) {
  const hash = await sourceHash();
  const marker = path.join(root, ".next", "synco-source-hash");
  const built =
    existsSync(path.join(root, ".next", "BUILD_ID")) && (await fs.readFile(marker, "utf8").catch(() => "")) === hash;
  if (built) return;
  say("building the app (first start or sources changed)…");
  await new Promise<void>((resolve, reject) => {
    const build = spawn(process.execPath, [nextBin, "build"], {
      cwd: root,
      env: { ...env, NODE_ENV: "production" },
      stdio: "inherit",
    });
    running.child = build; // a shutdown during the build stops it
    build.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`)),
    );
  });
  await fs.writeFile(marker, hash);
}

async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  const visit = async (rel: string): Promise<void> => {
    const full = path.join(root, rel);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of (await fs.readdir(full)).sort()) {
        if (!entry.endsWith(".test.ts")) await visit(path.join(rel, entry));
      }
    } else {
      hash.update(rel).update(await fs.readFile(full));
    }
  };
  for (const source of SOURCES) await visit(source);
  return hash.digest("hex");
}

main().catch((err: unknown) => {
  if (stopping) return;
  console.error(`[synco] could not start: ${err instanceof Error ? err.message : String(err)}`);
  if (err instanceof Error && err.cause) console.error(err.cause);
  process.exit(1);
});
