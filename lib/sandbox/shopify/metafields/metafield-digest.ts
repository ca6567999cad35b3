import { createHash } from "node:crypto";

/** `Metafield.compareDigest`: changes whenever the stored value or type changes. */
export function metafieldDigest(metafield: { type: string; value: string }): string {
  return createHash("sha256").update(`${metafield.type}\n${metafield.value}`).digest("hex");
}
