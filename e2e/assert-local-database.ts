// The e2e suite signs up users and creates organizations: it must never run against a shared
// or production database. Without DATABASE_URL the app uses the embedded (local) PostgreSQL.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function assertLocalDatabase(url = process.env.DATABASE_URL): void {
  if (!url) return;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error("DATABASE_URL is not a valid URL; refusing to run the e2e suite against it.");
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(
      `DATABASE_URL points at "${host}", not a local database: refusing to run the e2e suite (it creates users and data).`,
    );
  }
}
