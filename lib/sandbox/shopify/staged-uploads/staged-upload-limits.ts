/** Shopify takes bulk mutation inputs up to 100 MB (changelog, December 2025). */
export const MAX_STAGED_UPLOAD_BYTES = 100 * 1024 * 1024;
/** Uploaded bytes are stored in pieces of about this size. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
