import type { GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "@/lib/shopify/admin-schema";
import { sandboxSchema } from "./graphql/build-sandbox-schema";
import { schemaSubsetProblems } from "./testing/schema-subset-problems";
import { WEBHOOK_TOPICS } from "./webhooks/webhook-topics";

describe("the sandbox schema", () => {
  it("is a subset of Shopify's Admin API 2026-01: same names, types, nullability, arguments and defaults", () => {
    expect(schemaSubsetProblems(sandboxSchema(), loadAdminSchema())).toEqual([]);
  });

  it("serves exactly the webhook topics it delivers, each one Shopify's", async () => {
    const served = (sandboxSchema().getType("WebhookSubscriptionTopic") as GraphQLEnumType)
      .getValues()
      .map((value) => value.name);
    const real = (loadAdminSchema().getType("WebhookSubscriptionTopic") as GraphQLEnumType)
      .getValues()
      .map((value) => value.name);
    expect(served.sort()).toEqual(Object.keys(WEBHOOK_TOPICS).sort());
    expect(real).toEqual(expect.arrayContaining(served));
  });

  it("would notice a field, argument or enum value that Shopify does not have", async () => {
    const { buildSchema } = await import("graphql");
    const drifted = buildSchema(`
      schema { query: QueryRoot }
      type QueryRoot { shop: Shop! productsCount(limit: Int = 50): Count orders(first: Int!): Int }
      type Shop { name: String plan: String! }
      type Count { count: Int! precision: CountPrecision! }
      enum CountPrecision { EXACT ROUGHLY }
    `);
    expect(schemaSubsetProblems(drifted, loadAdminSchema())).toEqual(
      expect.arrayContaining([
        "Shop.name is String, real is String!",
        "Shop.plan is String!, real is ShopPlan!",
        "argument QueryRoot.productsCount(limit) defaults to 50, real 10000",
        "QueryRoot.orders is Int, real is OrderConnection!",
        "argument QueryRoot.orders(first) is Int!, real is Int",
        "enum value CountPrecision.ROUGHLY does not exist",
      ]),
    );
  });
});
