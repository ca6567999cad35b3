// Starts (or reuses) the test database once for the whole run: DATABASE_URL when set, else the
// embedded PostgreSQL with its own `synco_test` database, migrated.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/runtime/database";

export default async function setup(project: TestProject) {
  const dataDir = path.resolve(process.env.SYNCO_DATA_DIR ?? ".data");
  const database = await openDatabase({ dataDir, databaseName: "synco_test" });
  project.provide("databaseUrl", database.url);
  return () => database.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
