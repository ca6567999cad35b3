// Other processes of the app for tests and benchmarks: an app server (the API routes, with or
// without workers) and `npm run worker`, on the caller's database, secrets and job schema. Each
// is stopped by its own pid (SIGTERM, or SIGKILL to play a crash).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type AppProcess = {
  pid: number;
  /** The server's address (app servers only). */
  url: string;
  output: () => string;
  kill: (signal: NodeJS.Signals) => void;
  /** SIGTERM and wait for the exit. */
  stop: () => Promise<void>;
  exited: Promise<number | null>;
};

function start(script: string, ready: RegExp, env: Record<string, string | undefined>): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
    cwd: ROOT,
    // Test clients stand for many people behind this machine, as if it were their proxy.
    env: {
      ...process.env,
      LOG_LEVEL: process.env.LOG_LEVEL_CHILD ?? "warn",
      SYNCO_TRUSTED_PROXIES: "127.0.0.1,::1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = ready.exec(output);
      if (!found) return;
      clearTimeout(timer);
      resolve({
        pid: child.pid!,
        url: found[1] ?? "",
        output: () => output,
        kill: (signal) => child.kill(signal),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          await exited;
        },
        exited,
      });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/** An app server process; `workers: false` leaves jobs to other processes. */
export const startAppProcess = ({ workers, env = {} }: { workers: boolean; env?: Record<string, string> }) =>
  start("lib/testing/route-server-main.ts", /listening (http:\/\/\S+)/, {
    SYNCO_WORKERS: workers ? "on" : "off",
    ...env,
  });

/** `npm run worker`. */
export const startWorkerProcess = ({ env = {} }: { env?: Record<string, string> } = {}) =>
  start("scripts/worker.ts", /worker running/, env);
