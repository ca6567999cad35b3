/** A streamed file download: saved under `filename`, never cached, never sniffed as another type. */
export function downloadResponse({
  stream,
  filename,
  contentType,
}: {
  stream: ReadableStream<Uint8Array>;
  filename: string;
  contentType: string;
}): Response {
  return new Response(stream, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
