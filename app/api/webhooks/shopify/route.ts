import { receiveShopifyWebhook } from "@/lib/webhooks/receive-shopify-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/webhooks/shopify — Shopify webhooks (HMAC-signed, not session-authenticated), each delivery handled once
export async function POST(req: Request): Promise<Response> {
  const rawBody = Buffer.from(await req.arrayBuffer());
  const { status, outcome, message } = await receiveShopifyWebhook({ rawBody, headers: req.headers });
  return Response.json({ outcome, ...(message ? { message } : {}) }, { status });
}
