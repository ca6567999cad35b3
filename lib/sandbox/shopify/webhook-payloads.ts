// REST-style bodies for change notifications, shaped like Shopify's webhook payloads
// (snake_case, numeric `id` plus `admin_graphql_api_id`).
import type {
  SandboxCustomer,
  SandboxOrder,
  SandboxOrderLineItem,
  SandboxProduct,
  SandboxProductVariant,
  SandboxShop,
} from "@/db/schema/sandbox-shopify";
import type { SandboxBulkOperation } from "@/db/schema/sandbox-shopify-bulk";
import { toGid } from "./gid";

export function productPayload(product: SandboxProduct, variants: SandboxProductVariant[]) {
  return {
    id: product.id,
    admin_graphql_api_id: toGid("Product", product.id),
    title: product.title,
    handle: product.handle,
    vendor: product.vendor,
    product_type: product.productType,
    status: product.status.toLowerCase(),
    tags: product.tags.join(", "),
    created_at: product.createdAt.toISOString(),
    updated_at: product.updatedAt.toISOString(),
    variants: variants.map((variant) => ({
      id: variant.id,
      admin_graphql_api_id: toGid("ProductVariant", variant.id),
      product_id: product.id,
      title: variant.title,
      sku: variant.sku,
      price: variant.price,
      position: variant.position,
    })),
  };
}

export function customerPayload(customer: SandboxCustomer) {
  return {
    id: customer.id,
    admin_graphql_api_id: toGid("Customer", customer.id),
    email: customer.email,
    first_name: customer.firstName,
    last_name: customer.lastName,
    note: customer.note,
    tags: customer.tags.join(", "),
    created_at: customer.createdAt.toISOString(),
    updated_at: customer.updatedAt.toISOString(),
  };
}

export function orderPayload(order: SandboxOrder, lineItems: SandboxOrderLineItem[]) {
  return {
    id: order.id,
    admin_graphql_api_id: toGid("Order", order.id),
    name: order.name,
    order_number: order.number,
    email: order.email,
    currency: order.currencyCode,
    subtotal_price: order.subtotalPrice,
    total_tax: order.totalTax,
    total_price: order.totalPrice,
    customer: order.customerId
      ? { id: order.customerId, admin_graphql_api_id: toGid("Customer", order.customerId) }
      : null,
    line_items: lineItems.map((item) => ({
      id: item.id,
      admin_graphql_api_id: toGid("LineItem", item.id),
      title: item.title,
      sku: item.sku,
      quantity: item.quantity,
      price: item.price,
      product_id: item.productId,
      variant_id: item.variantId,
    })),
    processed_at: order.processedAt.toISOString(),
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
  };
}

/** app/uninstalled carries the shop, as Shopify's does. */
export function shopPayload(shop: SandboxShop) {
  return {
    id: shop.id,
    name: shop.name,
    email: shop.email,
    domain: shop.domain,
    myshopify_domain: shop.domain,
    plan_name: shop.plan,
    currency: shop.currencyCode,
    iana_timezone: "UTC",
    created_at: shop.createdAt.toISOString(),
    updated_at: shop.updatedAt.toISOString(),
  };
}

/** bulk_operations/finish: status, type and error code in lower case, as Shopify sends them. */
export function bulkOperationPayload(operation: SandboxBulkOperation) {
  return {
    admin_graphql_api_id: toGid("BulkOperation", operation.id),
    completed_at: operation.completedAt ? shopifyTime(operation.completedAt) : null,
    created_at: shopifyTime(operation.createdAt),
    error_code: operation.errorCode?.toLowerCase() ?? null,
    status: operation.status.toLowerCase(),
    type: operation.type.toLowerCase(),
  };
}

const shopifyTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
