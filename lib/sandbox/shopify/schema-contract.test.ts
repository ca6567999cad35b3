import { readFileSync } from "node:fs";
import path from "node:path";
import type { GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import {
  adminSchemaFingerprintPath,
  findAdminSchemaFile,
  loadAdminSchema,
  loadAdminSchemaFingerprint,
} from "@/lib/shopify/admin-schema";
import { appGraphqlDocuments } from "@/lib/shopify/collect-schema-usage";
import { buildSchemaFingerprint } from "@/lib/shopify/schema-fingerprint";
import { sandboxSchema } from "./graphql/build-sandbox-schema";
import { schemaSubsetProblems } from "./testing/schema-subset-problems";
import { WEBHOOK_TOPICS } from "./webhooks/webhook-topics";

// On any clone the sandbox is checked against the committed fingerprint of the real schema;
// where the real SDL is present (SHOPIFY_ADMIN_SCHEMA, or ../shared/shopify as in CI here) the
// fingerprint itself is checked against it.
const realSdl = findAdminSchemaFile();

describe("the sandbox schema", () => {
  it("is a subset of the fingerprint of Shopify's Admin API 2026-01: same names, types, nullability, arguments and defaults", () => {
    expect(schemaSubsetProblems(sandboxSchema(), loadAdminSchemaFingerprint())).toEqual([]);
  });

  it.skipIf(!realSdl)("is a subset of the real Admin API 2026-01 schema", () => {
    expect(schemaSubsetProblems(sandboxSchema(), loadAdminSchema())).toEqual([]);
  });

  it("serves exactly the webhook topics it delivers, each one Shopify's", async () => {
    const served = (sandboxSchema().getType("WebhookSubscriptionTopic") as GraphQLEnumType)
      .getValues()
      .map((value) => value.name);
    const real = (loadAdminSchemaFingerprint().getType("WebhookSubscriptionTopic") as GraphQLEnumType)
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
    expect(schemaSubsetProblems(drifted, loadAdminSchemaFingerprint())).toEqual(
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

describe("the committed fingerprint of the real schema", () => {
  it("holds names and types only: no descriptions, no paths", () => {
    const text = readFileSync(adminSchemaFingerprintPath(), "utf8");
    expect(text).not.toMatch(/"""|^\s*"/m);
    expect(text).not.toContain(path.sep === "/" ? "/work/" : "\\");
  });

  it.skipIf(!realSdl)("is what `npm run schema:fingerprint` makes of the real SDL now, and a subset of it", () => {
    const fresh = buildSchemaFingerprint({
      real: loadAdminSchema(),
      sandbox: sandboxSchema(),
      documents: appGraphqlDocuments(path.resolve(import.meta.dirname, "../..")),
    });
    expect(fresh, "run `npm run schema:fingerprint` and commit the file").toBe(
      readFileSync(adminSchemaFingerprintPath(), "utf8"),
    );
    expect(schemaSubsetProblems(loadAdminSchemaFingerprint(), loadAdminSchema())).toEqual([]);
  });
});
