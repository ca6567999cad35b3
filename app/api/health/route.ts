import { sql } from "drizzle-orm";
import { db } from "@/db/client";

// GET /api/health — liveness with a database round trip
export async function GET() {
  await db.execute(sql`select 1`);
  return Response.json({ ok: true });
}
