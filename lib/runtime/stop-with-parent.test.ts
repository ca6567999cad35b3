import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";

describe("stopWithParent", () => {
  it("stops a script whose parent was killed (as npm is, without passing the signal on)", async () => {
    const script = `
      const { stopWithParent } = await import(${JSON.stringify(new URL("./stop-with-parent.ts", import.meta.url).pathname)});
      stopWithParent(() => { console.log("stopped"); process.exit(0); }, 50);
      setInterval(() => {}, 1000);
      console.log("running " + process.pid);`;
    // "; true" keeps the shell alive as the script's parent (a lone command would be exec'd).
    const shell = spawn("sh", ["-c", `"${process.execPath}" --import tsx --input-type=module -e '${script}'; true`], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    shell.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => output, { timeout: 20_000 }).toMatch(/running \d+/);
    const pid = Number(/running (\d+)/.exec(output)![1]);
    try {
      shell.kill("SIGKILL");
      await once(shell, "exit");
      await expect.poll(() => output, { timeout: 5_000 }).toMatch(/stopped/);
      await expect.poll(() => isAlive(pid), { timeout: 5_000 }).toBe(false);
    } finally {
      // Never leave the script behind, whatever failed above.
      if (isAlive(pid)) process.kill(pid, "SIGKILL");
      shell.stdout.destroy();
    }
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
