// Response helpers shared by the sandbox's HTTP surface.
import { randomUUID } from "node:crypto";

const rawBodies = new WeakMap<Response, string>();

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const response = new Response(text, {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "x-request-id": randomUUID(), ...headers },
  });
  rawBodies.set(response, text);
  return response;
}

/** The text of a JSON response, for hosts that can write it without reading the body stream (the standalone server). */
export const rawBodyOf = (response: Response): string | undefined => rawBodies.get(response);

/** Storage-style XML answers (the staged upload and download endpoints mimic Google Cloud Storage). */
export function xmlResponse(status: number, body: string): Response {
  return new Response(`<?xml version='1.0' encoding='UTF-8'?>${body}`, {
    status,
    headers: { "content-type": "application/xml; charset=UTF-8" },
  });
}

export function xmlError(status: number, code: string, message: string): Response {
  return xmlResponse(status, `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`);
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );
}

const resets = new WeakSet<Response>();

/**
 * A "connection reset" fault. The standalone server recognises it and destroys the socket; any
 * other host (the Next route) sends a body that errors at once, which cuts the connection.
 */
export function resetResponse(): Response {
  const response = new Response(
    new ReadableStream({
      start(controller) {
        controller.error(new Error("sandbox fault: connection reset"));
      },
    }),
    { status: 200 },
  );
  resets.add(response);
  return response;
}

export const isResetResponse = (response: Response): boolean => resets.has(response);
