// Database rows as GraphQL parents. `__typename` lets graphql-js resolve the Node and
// HasMetafields interfaces without a type resolver per interface.
import type {
  SandboxCustomer,
  SandboxMetafield,
  SandboxMetafieldDefinition,
  SandboxOrder,
  SandboxOrderLineItem,
  SandboxProduct,
  SandboxProductVariant,
  SandboxShop,
} from "@/db/schema/sandbox-shopify";
import type { SandboxBulkOperation } from "@/db/schema/sandbox-shopify-bulk";
import type { SandboxWebhookSubscription } from "@/db/schema/sandbox-shopify-webhooks";

export type ShopNode = SandboxShop & { __typename: "Shop" };
export type ProductNode = SandboxProduct & { __typename: "Product" };
export type VariantNode = SandboxProductVariant & { __typename: "ProductVariant" };
export type CustomerNode = SandboxCustomer & { __typename: "Customer" };
export type OrderNode = SandboxOrder & { __typename: "Order" };
export type LineItemNode = SandboxOrderLineItem & { __typename: "LineItem" };
export type MetafieldNode = SandboxMetafield & { __typename: "Metafield" };
export type DefinitionNode = SandboxMetafieldDefinition & { __typename: "MetafieldDefinition" };

export type OwnerNode = ShopNode | ProductNode | VariantNode | CustomerNode | OrderNode;

export function typed<T extends object, N extends string>(typename: N, row: T): T & { __typename: N } {
  return Object.assign(row, { __typename: typename });
}

export type BulkOperationNode = SandboxBulkOperation & {
  __typename: "BulkOperation";
  resultKey: string | null;
  resultFilename: string | null;
  resultSize: number | null;
};
export type WebhookSubscriptionNode = SandboxWebhookSubscription & { __typename: "WebhookSubscription" };
