import { bulkOperationsSdl } from "./bulk-operations";
import { commonSdl } from "./common";
import { customersSdl } from "./customers";
import { metafieldDefinitionsSdl } from "./metafield-definitions";
import { metafieldsSdl } from "./metafields";
import { ordersSdl } from "./orders";
import { productsSdl } from "./products";
import { shopSdl } from "./shop";
import { webhooksSdl } from "./webhooks";

/** The SDL the sandbox serves: a hand-written subset of Shopify's Admin API 2026-01 schema. */
export const sandboxShopifySdl = [
  commonSdl,
  shopSdl,
  metafieldsSdl,
  metafieldDefinitionsSdl,
  productsSdl,
  customersSdl,
  ordersSdl,
  bulkOperationsSdl,
  webhooksSdl,
].join("\n");
