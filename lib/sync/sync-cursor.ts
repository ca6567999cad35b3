// Keyset cursors of the item lists: the last Shopify id of a page, opaque to the browser.
import { AppError } from "@/lib/errors/app-error";

const PREFIX = "v1.";

export const encodeSyncCursor = (shopifyId: number) => Buffer.from(`${PREFIX}${shopifyId}`).toString("base64url");

export function decodeSyncCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const id =
    text.startsWith(PREFIX) && /^\d{1,18}$/.test(text.slice(PREFIX.length)) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(id))
    throw new AppError("unprocessable", "after: not a cursor from this list", { field: "after" });
  return id;
}
