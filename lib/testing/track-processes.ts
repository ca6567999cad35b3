// The app and worker processes a test file starts, stopped (SIGTERM, by pid) after its tests,
// whatever happened in them.
import { afterAll } from "vitest";
import type { AppProcess } from "./child-processes";

/** At a test file's top level: `track(startWorkerProcess())` keeps the process to stop after all tests. */
export function stopAfterAll(): (child: Promise<AppProcess>) => Promise<AppProcess> {
  const started: AppProcess[] = [];
  afterAll(async () => {
    await Promise.all(started.map((child) => child.stop()));
  });
  return async (child) => {
    const running = await child;
    started.push(running);
    return running;
  };
}
