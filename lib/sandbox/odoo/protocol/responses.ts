// Response helpers of the sandbox Odoo's HTTP surface.
const rawBodies = new WeakMap<Response, string>();
const resets = new WeakSet<Response>();

function text(status: number, body: string, contentType: string, headers: Record<string, string> = {}): Response {
  const response = new Response(body, { status, headers: { "content-type": contentType, ...headers } });
  rawBodies.set(response, body);
  return response;
}

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  text(status, JSON.stringify(body), "application/json; charset=utf-8", headers);

export const xmlResponse = (body: string) => text(200, body, "text/xml; charset=utf-8");

export const plainResponse = (status: number, body: string) => text(status, body, "text/plain; charset=utf-8");

/** werkzeug's HTML error page. */
export function htmlError(status: number, title: string, description: string, headers: Record<string, string> = {}) {
  return text(
    status,
    `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${description}</p>\n`,
    "text/html; charset=utf-8",
    headers,
  );
}

export const notFoundPage = () =>
  htmlError(
    404,
    "Not Found",
    "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.",
  );

/** The text of a response, for hosts that write it without reading the stream (the standalone server). */
export const rawBodyOf = (response: Response): string | undefined => rawBodies.get(response);

/** A dropped connection: the standalone server destroys the socket; the Next route's body errors at once. */
export function resetResponse(): Response {
  const response = new Response(
    new ReadableStream({
      start(controller) {
        controller.error(new Error("sandbox odoo fault: connection reset"));
      },
    }),
    { status: 200 },
  );
  resets.add(response);
  return response;
}

export const isResetResponse = (response: Response): boolean => resets.has(response);
