// `npm run worker` as a child process for benchmarks, as production runs it: started on a given
// database and app address, resolved once it says it is running; `stop` sends SIGTERM and waits.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export type WorkerProcess = { pid: number; stop: () => Promise<void> };

export function startWorkerProcess({
  databaseUrl,
  appUrl,
  root,
}: {
  databaseUrl: string;
  appUrl: string;
  root: string;
}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, SYNCO_APP_URL: appUrl, LOG_LEVEL: "fatal" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the worker exited with code ${code}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.includes("worker running")) return;
      child.removeAllListeners("exit");
      const exited = new Promise<void>((done) => child.once("exit", () => done()));
      resolve({ pid: child.pid!, stop: () => (child.kill("SIGTERM"), exited) });
    });
  });
}
