import { ZIdempotencyKey } from "@/lib/clear/schemas";
import { AppError } from "@/lib/errors/app-error";
import { withStore } from "@/lib/http/handler";
import { assertCleanText, readRawBody } from "@/lib/http/parse-input";
import { parseMappingExport } from "@/lib/restore/parse-mapping-export";
import { startRestore } from "@/lib/restore/start-restore";
import { RESTORE_MAX_BYTES } from "@/lib/vocabulary/restore";

const MAX_MB = Math.round(RESTORE_MAX_BYTES / 1024 / 1024);

// POST /api/stores/:storeId/restores — restore the mapping from an export file (the body: CSV or JSON as exported; 202 with the run)
export const POST = withStore(
  async ({ req, store, actor }) => {
    const file = await readRawBody(
      req,
      RESTORE_MAX_BYTES,
      `The file is larger than ${MAX_MB} MB, the most a restore takes: export and restore one type at a time`,
    );
    const parsed = parseMappingExport(file);
    const key = ZIdempotencyKey.safeParse(req.headers.get("idempotency-key") ?? undefined);
    if (!key.success) throw new AppError("unprocessable", key.error.issues[0]!.message, { field: "Idempotency-Key" });
    const fileName = decodeFileName(req.headers.get("x-file-name"));
    const started = await startRestore({ store, actor, parsed, fileName, idempotencyKey: key.data });
    return Response.json(started, { status: 202 });
  },
  { can: "mappings.restore", rawBody: true },
);

/** The uploaded file's name (URI-encoded by the page), for the history and the audit log. */
function decodeFileName(header: string | null): string | null {
  if (!header) return null;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    throw new AppError("unprocessable", "X-File-Name: not a URI-encoded file name", { field: "X-File-Name" });
  }
  assertCleanText({ "X-File-Name": name });
  return name.trim().slice(0, 200) || null;
}
