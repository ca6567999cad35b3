// The database handle sandbox Odoo services take: the shared pool or a transaction. The product's
// one handle type (db/handle.ts) under the sandbox's own name, so the sandbox could become its own
// package by changing this file.
import { db } from "@/db/client";
import type { Db } from "@/db/handle";

export type OdooDb = Db;

export const defaultOdooDb: OdooDb = db;
