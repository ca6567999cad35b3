// The standalone sandbox (`scripts/sandbox-shopify.ts`) as a child process for benchmarks, on a
// free port and a given database, plus a sampler of its resident memory (Linux /proc).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";

export type SandboxProcess = { url: string; port: number; pid: number; stop: () => Promise<void> };

export async function startSandboxProcess({
  databaseUrl,
  root,
  sandbox = "shopify",
}: {
  databaseUrl: string;
  root: string;
  /** Which standalone sandbox: `scripts/sandbox-shopify.ts` or `scripts/sandbox-odoo.ts`. */
  sandbox?: "shopify" | "odoo";
}): Promise<SandboxProcess> {
  const port = await freePort();
  const prefix = sandbox === "shopify" ? "SANDBOX_SHOPIFY" : "SANDBOX_ODOO";
  const child: ChildProcess = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, `scripts/sandbox-${sandbox}.ts`)],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        [`${prefix}_PORT`]: String(port),
        [`${prefix}_HOST`]: "127.0.0.1",
        LOG_LEVEL: "fatal",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => line.includes("serving") && resolve());
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Samples a process's resident set size every `everyMs`; `stop()` returns the peak in MiB. */
export function sampleRss(pid: number, everyMs = 50): { stop: () => number; current: () => number } {
  let peak = 0;
  const read = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      peak = Math.max(peak, kb);
      return kb / 1024;
    } catch {
      return 0;
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    current: read,
    stop: () => {
      clearInterval(timer);
      read();
      return peak / 1024;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
