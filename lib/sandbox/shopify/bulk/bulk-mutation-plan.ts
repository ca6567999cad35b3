// Checks the mutation given to bulkOperationRunMutation (shopify.dev "Bulk import data",
// Limitations): any mutation the API serves except the two bulk mutations themselves, one
// top-level field, at most one connection in its selection. Messages are best guesses.
import {
  getNamedType,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type GraphQLObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { sandboxSchema } from "../graphql/build-sandbox-schema";
import { validationErrorBody } from "../graphql/format-errors";
import { inlineFragments, isConnectionType } from "./bulk-graphql";

export type BulkMutationPlan = { document: DocumentNode; operation: OperationDefinitionNode };

const RECURSIVE = new Set(["bulkOperationRunMutation", "bulkOperationRunQuery"]);

export function planBulkMutation(mutation: string): { plan: BulkMutationPlan } | { problem: string } {
  const schema = sandboxSchema();
  let document: DocumentNode;
  try {
    document = parse(mutation);
  } catch (error) {
    return { problem: `Failed to parse the mutation - ${(error as GraphQLError).message}` };
  }
  const invalid = validate(schema, document);
  if (invalid.length) return { problem: `Invalid mutation: ${validationErrorBody(invalid[0]!).message}` };
  const operation = inlineFragments(document);
  if (!operation) return { problem: "The mutation must contain exactly one operation." };
  if (operation.operation !== "mutation")
    return { problem: "Only mutations can be run with bulkOperationRunMutation." };
  const fields = operation.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== "__typename",
  );
  if (fields.length !== 1) return { problem: "The mutation must have exactly one top-level field." };
  if (RECURSIVE.has(fields[0]!.name.value)) return { problem: `${fields[0]!.name.value} cannot be run in bulk.` };
  const payload = getNamedType(schema.getMutationType()!.getFields()[fields[0]!.name.value]!.type) as GraphQLObjectType;
  if (fields[0]!.selectionSet && countConnections(fields[0]!.selectionSet, payload) > 1) {
    return { problem: "The mutation's selection can contain at most one connection." };
  }
  return { plan: { document, operation } };
}

function countConnections(set: SelectionSetNode, type: GraphQLObjectType): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition
        ? (sandboxSchema().getType(selection.typeCondition.name.value) as GraphQLObjectType)
        : type;
      total += countConnections(selection.selectionSet, condition);
    } else if (selection.kind === Kind.FIELD && selection.selectionSet && "getFields" in type) {
      const field = type.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type) as GraphQLObjectType;
      total += (isConnectionType(named) ? 1 : 0) + countConnections(selection.selectionSet, named);
    }
  }
  return total;
}
