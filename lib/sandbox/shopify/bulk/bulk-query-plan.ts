// Checks a bulk query against Shopify's documented restrictions and rewrites it for paged
// execution. Restrictions (shopify.dev "Perform bulk operations", Operation restrictions): one
// top-level field, not `node`/`nodes`; at least one and at most five connections; connections
// nested at most two levels below the top one; no connection inside a list; the object holding a
// nested connection selects `id` (it becomes the children's `__parentId`). `first`/`last`/`after`/
// `before` are ignored, as on Shopify: the rewrite pages every connection 250 at a time and adds
// `pageInfo` under a private alias. Messages Shopify's docs do not quote are best guesses.
import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  validate,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type SelectionSetNode,
} from "graphql";
import { sandboxSchema } from "../graphql/build-sandbox-schema";
import { validationErrorBody } from "../graphql/format-errors";
import { connectionNodeType, inlineFragments, isConnectionType } from "./bulk-graphql";

export const BULK_PAGE_SIZE = 250;
export const CURSOR_VARIABLE = "bulkCursor__";
export const PAGE_INFO_KEY = "bulkPageInfo__";
const MAX_CONNECTIONS = 5;
const MAX_CONNECTION_LEVELS = 3;

export type BulkQueryPlan = {
  document: DocumentNode;
  rootKey: string;
  rootField: FieldNode;
  rootType: GraphQLCompositeType;
  rootIsConnection: boolean;
};

export function planBulkQuery(query: string): { plan: BulkQueryPlan } | { problem: string } {
  const schema = sandboxSchema();
  let parsed: DocumentNode;
  try {
    parsed = parse(query);
  } catch (error) {
    return { problem: `Invalid bulk query: ${(error as GraphQLError).message}` };
  }
  const invalid = validate(schema, parsed);
  if (invalid.length) return { problem: `Invalid bulk query: ${validationErrorBody(invalid[0]!).message}` };
  const operation = inlineFragments(parsed);
  if (!operation) return { problem: "Bulk queries must contain exactly one operation." };
  if (operation.operation !== "query")
    return { problem: "Bulk queries must be queries. Use bulkOperationRunMutation to run mutations in bulk." };
  if (operation.variableDefinitions?.length) return { problem: "Bulk queries cannot use variables." };

  const rootFields = operation.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== "__typename",
  );
  if (rootFields.length !== 1 || rootFields.length !== operation.selectionSet.selections.length)
    return { problem: "Bulk queries must have exactly one top-level field." };
  const rootField = rootFields[0]!;
  if (rootField.name.value === "node" || rootField.name.value === "nodes")
    return { problem: "The top-level 'node' and 'nodes' fields cannot be used in bulk queries." };

  const queryRoot = schema.getQueryType()!;
  const rootType = getNamedType(queryRoot.getFields()[rootField.name.value]!.type) as GraphQLCompositeType;
  const walk: Walk = { connections: 0, problems: [] };
  const rootIsConnection = isConnectionType(rootType);
  const rewrittenRoot = rootIsConnection
    ? rewriteConnection(rootField, rootType, 1, walk, true)
    : { ...rootField, selectionSet: rewrite(rootField.selectionSet!, rootType, 0, walk, false) };
  if (walk.connections === 0) return { problem: "Bulk queries must contain at least one connection." };
  if (walk.connections > MAX_CONNECTIONS)
    return { problem: `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.` };
  if (walk.problems.length) return { problem: walk.problems[0]! };

  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        ...operation,
        name: undefined,
        variableDefinitions: [variableDefinition(CURSOR_VARIABLE)],
        selectionSet: { kind: Kind.SELECTION_SET, selections: [rewrittenRoot] },
      },
    ],
  };
  return {
    plan: {
      document,
      rootKey: rootField.alias?.value ?? rootField.name.value,
      rootField: rewrittenRoot,
      rootType,
      rootIsConnection,
    },
  };
}

type Walk = { connections: number; problems: string[] };

// `levels` counts the connections around this selection set; `inList` marks a list field above it.
function rewrite(
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  levels: number,
  walk: Walk,
  inList: boolean,
): SelectionSetNode {
  const schema = sandboxSchema();
  return {
    ...set,
    selections: set.selections.map((selection) => {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType)
          : parent;
        return { ...selection, selectionSet: rewrite(selection.selectionSet, condition, levels, walk, inList) };
      }
      if (selection.kind !== Kind.FIELD || !selection.selectionSet) return selection;
      const field = fieldOf(parent, selection.name.value);
      if (!field) return selection;
      const type = getNamedType(field.type) as GraphQLCompositeType;
      if (isConnectionType(type)) {
        if (inList)
          walk.problems.push(
            "Queries that contain a connection field within a list field are not currently supported.",
          );
        if (!selectsId(set)) {
          walk.problems.push(
            `The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of type 'ID!'. Connection field: '${selection.name.value}'`,
          );
        }
        return rewriteConnection(selection, type, levels + 1, walk, false);
      }
      const listed = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
      return isCompositeType(type)
        ? { ...selection, selectionSet: rewrite(selection.selectionSet, type, levels, walk, inList || listed) }
        : selection;
    }),
  };
}

function rewriteConnection(
  field: FieldNode,
  connection: GraphQLObjectType,
  levels: number,
  walk: Walk,
  root: boolean,
): FieldNode {
  walk.connections += 1;
  if (levels > MAX_CONNECTION_LEVELS)
    walk.problems.push("Bulk queries cannot contain connections nested more than 2 levels deep.");
  const nodeType = connectionNodeType(connection) as GraphQLCompositeType;
  if (!("id" in (nodeType as GraphQLObjectType).getFields()))
    walk.problems.push(`Connection '${field.name.value}' must be of a type implementing Node.`);
  const edgeType = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
  const selections = field.selectionSet!.selections.map((selection) => {
    if (selection.kind !== Kind.FIELD || !selection.selectionSet) return selection;
    if (selection.name.value === "nodes")
      return { ...selection, selectionSet: rewrite(selection.selectionSet, nodeType, levels, walk, false) };
    if (selection.name.value !== "edges") return selection;
    const edges = selection.selectionSet.selections.map((inner) =>
      inner.kind === Kind.FIELD && inner.name.value === "node" && inner.selectionSet && isObjectType(edgeType)
        ? { ...inner, selectionSet: rewrite(inner.selectionSet, nodeType, levels, walk, false) }
        : inner,
    );
    return { ...selection, selectionSet: { ...selection.selectionSet, selections: edges } };
  });
  const args = (field.arguments ?? []).filter((arg) => !["first", "last", "after", "before"].includes(arg.name.value));
  args.push(argument("first", { kind: Kind.INT, value: String(BULK_PAGE_SIZE) }));
  if (root) args.push(argument("after", { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: CURSOR_VARIABLE } }));
  return {
    ...field,
    arguments: args,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [...selections, pageInfoSelection()] },
  };
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return "getFields" in parent ? parent.getFields()[name] : undefined;
}

const selectsId = (set: SelectionSetNode): boolean =>
  set.selections.some(
    (s) =>
      (s.kind === Kind.FIELD && s.name.value === "id" && !s.alias) ||
      (s.kind === Kind.INLINE_FRAGMENT && selectsId(s.selectionSet)),
  );

export function argument(name: string, value: ArgumentNode["value"]): ArgumentNode {
  return { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value };
}

export function variableDefinition(name: string, type = "String") {
  return {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
    type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } },
  } as const;
}

function pageInfoSelection(): FieldNode {
  const field = (name: string): FieldNode => ({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } });
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: PAGE_INFO_KEY },
    name: { kind: Kind.NAME, value: "pageInfo" },
    selectionSet: { kind: Kind.SELECTION_SET, selections: [field("hasNextPage"), field("endCursor")] },
  };
}
