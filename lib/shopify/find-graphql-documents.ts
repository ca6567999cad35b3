// Finds the GraphQL documents in TypeScript sources by Shopify's convention: a template literal
// whose text starts with `#graphql`. Such a document must be static — `${}` interpolation would
// make it impossible to validate before it reaches Shopify — so one with interpolation is reported.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export type GraphqlDocumentSource = {
  /** Path relative to the scanned root. */
  file: string;
  line: number;
  /** The document text, or null when it cannot be read statically. */
  text: string | null;
};

export function findGraphqlDocuments({
  root,
  include,
}: {
  root: string;
  include: (relativePath: string) => boolean;
}): GraphqlDocumentSource[] {
  const found: GraphqlDocumentSource[] = [];
  for (const file of listSources(root)) {
    const relative = path.relative(root, file);
    if (!include(relative)) continue;
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      const head = ts.isNoSubstitutionTemplateLiteral(node)
        ? node.text
        : ts.isTemplateExpression(node)
          ? node.head.text
          : null;
      if (head !== null && head.trimStart().startsWith("#graphql")) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({ file: relative, line, text: ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : listSources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}
