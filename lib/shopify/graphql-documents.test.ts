// Every GraphQL document the app sends to Shopify must be valid against the real Admin API
// schema. Documents are found by convention: template literals starting with `#graphql`
// (see docs/sandbox-shopify.md). The sandbox's own test documents are held to the same rule,
// which also proves the scan finds documents at all. They are checked against the committed
// fingerprint on any clone, and against the real SDL too where it is present.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import type { GraphQLSchema } from "graphql";
import { findAdminSchemaFile, loadAdminSchema, loadAdminSchemaFingerprint } from "./admin-schema";
import { findGraphqlDocuments, type GraphqlDocumentSource } from "./find-graphql-documents";

const lib = path.resolve(import.meta.dirname, "..");
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function problems(
  documents: GraphqlDocumentSource[],
  prefix = "lib/",
  schema: GraphQLSchema = loadAdminSchemaFingerprint(),
): string[] {
  return documents.flatMap(({ file, line, text }) => {
    const at = `${prefix}${file}:${line}`;
    if (text === null) return [`${at}: uses \${} interpolation; pass values as GraphQL variables instead`];
    try {
      return validate(schema, parse(text)).map((error) => `${at}: ${error.message}`);
    } catch (error) {
      return [`${at}: ${(error as Error).message}`];
    }
  });
}

const appDocuments = () =>
  findGraphqlDocuments({ root: lib, include: (file) => !file.startsWith(`sandbox${path.sep}`) && !isTest(file) });

describe("GraphQL documents against Shopify's Admin API 2026-01 schema", () => {
  it("validates every #graphql document in the app's Shopify code against the fingerprint", () => {
    const documents = appDocuments();
    expect(documents.length).toBeGreaterThan(10);
    expect(problems(documents)).toEqual([]);
  });

  it.skipIf(!findAdminSchemaFile())("validates them against the real SDL too", () => {
    expect(problems(appDocuments(), "lib/", loadAdminSchema())).toEqual([]);
  });

  it("validates the documents the sandbox's own tests send", () => {
    const documents = findGraphqlDocuments({
      root: lib,
      include: (file) => file.startsWith(`sandbox${path.sep}`) && isTest(file),
    });
    expect(documents.length).toBeGreaterThan(10);
    expect(problems(documents)).toEqual([]);
  });

  it("reports a document Shopify would reject and one built with interpolation", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "graphql-documents-"));
    const tick = "`";
    writeFileSync(
      path.join(root, "client.ts"),
      [
        `export const OK = ${tick}#graphql\n  query { shop { name } }${tick};`,
        `export const BAD = ${tick}#graphql\n  query { shop { nameTypo } }${tick};`,
        `const first = 5;`,
        `export const BUILT = ${tick}#graphql\n  query { products(first: \${first}) { nodes { id } } }${tick};`,
        `export const NOT_GRAPHQL = ${tick}plain \${first}${tick};`,
      ].join("\n"),
    );
    expect(problems(findGraphqlDocuments({ root, include: () => true }), "")).toEqual([
      `client.ts:3: Cannot query field "nameTypo" on type "Shop". Did you mean "name"?`,
      "client.ts:6: uses ${} interpolation; pass values as GraphQL variables instead",
    ]);
  });
});
