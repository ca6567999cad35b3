import { withoutSession } from "@/lib/http/handler";
import { readRawBody } from "@/lib/http/parse-input";
import { receiveShopifyWebhook, WEBHOOK_MAX_BYTES } from "@/lib/webhooks/receive-shopify-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/webhooks/shopify — Shopify webhooks (HMAC-signed, not session-authenticated), each delivery handled once
export const POST = withoutSession(async (req) => {
  const rawBody = await readRawBody(req, WEBHOOK_MAX_BYTES);
  const { status, outcome, message } = await receiveShopifyWebhook({ rawBody, headers: req.headers });
  return Response.json({ outcome, ...(message ? { message } : {}) }, { status });
});
