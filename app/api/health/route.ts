import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { withoutSession } from "@/lib/http/handler";

// GET /api/health — liveness with a database round trip
export const GET = withoutSession(async () => {
  await db.execute(sql`select 1`);
  return { ok: true };
});
