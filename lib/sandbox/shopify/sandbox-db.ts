// The database handle sandbox services take: the shared pool or a transaction, so a resolver can
// run several services in one transaction and tests can pass their own. The product's one handle
// type (db/handle.ts) under the sandbox's own name, so the sandbox could become its own package by
// changing this file.
import { db } from "@/db/client";
import type { Db } from "@/db/handle";

export type SandboxDb = Db;

export const defaultSandboxDb: SandboxDb = db;
