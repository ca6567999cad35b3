// What the fingerprint is built from: the sandbox's schema and the documents the app sends
// (`#graphql` template literals outside the sandbox and tests), found as the contract test finds them.
import path from "node:path";
import { parse, type DocumentNode } from "graphql";
import { findGraphqlDocuments } from "./find-graphql-documents";

export function appGraphqlDocuments(libRoot: string): DocumentNode[] {
  return findGraphqlDocuments({
    root: libRoot,
    include: (file) => !file.startsWith(`sandbox${path.sep}`) && !/\.test\.tsx?$/.test(file),
  }).flatMap(({ text }) => (text === null ? [] : [parse(text)]));
}
