// Imported first by tests that kill workers: pg-boss notices a dead worker's job within seconds
// (shortest heartbeat, supervision every second, short retry delays). Must run before the job
// definitions are loaded, and is passed on to the processes such a test starts.
export const QUICK_RECOVERY_ENV = {
  SYNCO_JOBS_HEARTBEAT_SECONDS: "10",
  SYNCO_JOBS_SUPERVISE_SECONDS: "1",
  SYNCO_JOBS_RETRY_DELAY_SECONDS: "1",
  SYNCO_RUN_HEARTBEAT_MS: "1000",
};
Object.assign(process.env, QUICK_RECOVERY_ENV);
