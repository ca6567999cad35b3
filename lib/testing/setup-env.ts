import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.SYNCO_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.SYNCO_APP_URL ??= "http://localhost:3000";
