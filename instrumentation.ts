// Runs once when a server instance starts: refuse to run in production without the secrets,
// with a message that says which are missing.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { MissingSecretsError, missingSecrets } = await import("@/lib/runtime/secrets");
  const missing = missingSecrets();
  if (missing.length > 0 && process.env.NODE_ENV === "production") {
    const error = new MissingSecretsError(missing);
    console.error(`[synco] ${error.message}`);
    throw error;
  }
}
