// Runs once when a server instance starts: refuse to run in production without the secrets,
// with a message that says which are missing; then start the background job workers in this
// process (Node.js runtime only; SYNCO_WORKERS=off leaves jobs to `npm run worker` processes).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { MissingSecretsError, missingSecrets } = await import("@/lib/runtime/secrets");
  const missing = missingSecrets();
  if (missing.length > 0 && process.env.NODE_ENV === "production") {
    const error = new MissingSecretsError(missing);
    console.error(`[synco] ${error.message}`);
    throw error;
  }
  if (process.env.SYNCO_WORKERS === "off" || !process.env.DATABASE_URL) return;
  const { startWorkers } = await import("@/lib/workers/start-workers");
  // A queue that cannot start must not take the web server down with it; jobs wait in the table.
  await startWorkers().catch((error: unknown) => console.error("[synco] job workers did not start", error));
}
