// The signature covers the body only, not the headers beside it: a signed body resent under another
// topic, shop or webhook id still verifies. So a delivery's headers must agree with what its body
// says (docs/threat-model.md, T6): a delete names the item and carries none of its content, the
// item's global id is of the topic's resource, a compliance payload names the shop it came for.

const RESOURCE_GID: Record<string, string> = {
  products: "gid://shopify/Product/",
  customers: "gid://shopify/Customer/",
  orders: "gid://shopify/Order/",
};
const INDEX_TOPIC = /^(products|customers|orders)\/(create|update|updated|delete)$/;
const COMPLIANCE_TOPIC = /^(customers\/data_request|customers\/redact|shop\/redact)$/;
// Every create/update payload carries these; a delete payload never does.
const CONTENT_FIELDS = ["created_at", "updated_at", "title", "email", "line_items", "variants"];

/** Why the delivery's topic and shop do not match its payload, or null when they agree. */
export function webhookPayloadProblem(topic: string, shopDomain: string, payload: unknown): string | null {
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return "payload is not a JSON object";
  const body = payload as Record<string, unknown>;
  const index = INDEX_TOPIC.exec(topic);
  if (index) {
    const id = Number(body.id);
    if (!Number.isSafeInteger(id) || id <= 0) return `a ${topic} payload needs the item's numeric id`;
    const gid = body.admin_graphql_api_id;
    if (gid !== undefined && (typeof gid !== "string" || !gid.startsWith(RESOURCE_GID[index[1]!]!)))
      return `a ${topic} payload is about another kind of item`;
    if (index[2] === "delete" && CONTENT_FIELDS.some((field) => field in body))
      return `a ${topic} payload names the item only, it does not carry its content`;
    return null;
  }
  if (COMPLIANCE_TOPIC.test(topic) && String(body.shop_domain ?? "").toLowerCase() !== shopDomain)
    return "the payload's shop_domain is not the shop the delivery came for";
  if (topic === "app/uninstalled" && body.myshopify_domain !== undefined && body.myshopify_domain !== shopDomain)
    return "the payload's myshopify_domain is not the shop the delivery came for";
  return null;
}
