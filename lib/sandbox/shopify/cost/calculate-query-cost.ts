// Shopify's calculated query cost (shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits):
// scalars and enums 0, objects 1, abstract types the maximum over their possible types,
// connections 2 + page size × the cost of one node, mutations 10 (metafieldsSet: 10 plus a weight
// per distinct owner, per Shopify's 2026 dynamic-cost change). Requested cost is computed before
// execution from the document and variables; actual cost walks the same selections over the
// data returned, so short pages and null objects cost less.
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { mutationBaseCost } from "./mutation-cost";

export type CostInput = {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  /** Coerced variable values. */
  variables: Record<string, unknown>;
};

type Data = Record<string, unknown>;
type Walk = CostInput & { actual: boolean };

export function requestedQueryCost(input: CostInput): number {
  return rootCost({ ...input, actual: false }, undefined);
}

export function actualQueryCost(input: CostInput & { data: Data | null | undefined }): number {
  return rootCost({ ...input, actual: true }, input.data ?? {});
}

function rootCost(walk: Walk, data: Data | undefined): number {
  const mutation = walk.operation.operation === "mutation";
  const root = mutation ? walk.schema.getMutationType() : walk.schema.getQueryType();
  if (!root) return 0;
  let total = 0;
  for (const [key, nodes] of groupFields(walk, root, walk.operation.selectionSet)) {
    const field = root.getFields()[nodes[0]!.name.value];
    if (!field) continue;
    const value = data?.[key];
    if (!mutation) {
      total += fieldCost(walk, field, nodes, value, false);
      continue;
    }
    // A mutation's price covers its payload object and the objects directly inside it.
    total += mutationBaseCost(field.name, getArgumentValues(field, nodes[0]!, walk.variables));
    const payload = getNamedType(field.type);
    if (!isObjectType(payload) || (walk.actual && value == null)) continue;
    for (const [childKey, childNodes] of groupFields(walk, payload, mergedSelections(nodes))) {
      const child = payload.getFields()[childNodes[0]!.name.value];
      if (child) total += fieldCost(walk, child, childNodes, (value as Data | undefined)?.[childKey], true);
    }
  }
  return total;
}

function fieldCost(
  walk: Walk,
  field: GraphQLField<unknown, unknown>,
  nodes: FieldNode[],
  value: unknown,
  free: boolean,
): number {
  const type = getNamedType(field.type);
  if (!isCompositeType(type)) return 0;
  const args = getArgumentValues(field, nodes[0]!, walk.variables);
  const selections = mergedSelections(nodes);
  if (isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields()) {
    return connectionCost(walk, type, selections, args, value);
  }
  const own = free ? 0 : 1;
  const listed = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
  // Lists of objects cost one element, except lookups by ids (`nodes`), which cost one per id.
  const count = listed && Array.isArray(args.ids) ? args.ids.length : 1;
  if (!walk.actual) return count * (own + compositeCost(walk, type, selections, undefined));
  if (value == null) return own;
  const items = listed ? (value as unknown[]).slice(0, count) : [value];
  return items.reduce<number>(
    (sum, item) => sum + own + (item == null ? 0 : compositeCost(walk, type, selections, item as Data)),
    0,
  );
}

function connectionCost(
  walk: Walk,
  type: GraphQLObjectType,
  selections: SelectionSetNode,
  args: Data,
  value: unknown,
): number {
  const node = getNamedType(type.getFields().nodes!.type) as GraphQLCompositeType;
  // The node selection, whether asked for through `edges { node }` or `nodes`.
  const nodeSelections: SelectionSetNode[] = [];
  for (const [, nodes] of groupFields(walk, type, selections)) {
    const name = nodes[0]!.name.value;
    if (name === "nodes") nodeSelections.push(mergedSelections(nodes));
    if (name === "edges") {
      const edge = getNamedType(type.getFields().edges!.type) as GraphQLObjectType;
      for (const [, edgeNodes] of groupFields(walk, edge, mergedSelections(nodes))) {
        if (edgeNodes[0]!.name.value === "node") nodeSelections.push(mergedSelections(edgeNodes));
      }
    }
  }
  const merged: SelectionSetNode = {
    kind: Kind.SELECTION_SET,
    selections: nodeSelections.flatMap((set) => set.selections),
  };
  if (!walk.actual) {
    const size = Number(args.first ?? args.last ?? 0);
    return 2 + size * (1 + compositeCost(walk, node, merged, undefined));
  }
  const connection = value as { nodes?: Data[]; edges?: { node: Data }[] } | null | undefined;
  const items = connection?.nodes ?? connection?.edges?.map((edge) => edge.node) ?? [];
  return 2 + items.reduce((sum, item) => sum + 1 + compositeCost(walk, node, merged, item), 0);
}

/** The cost of a selection on an object, or the most expensive possible type of an abstract type. */
function compositeCost(
  walk: Walk,
  type: GraphQLCompositeType,
  selections: SelectionSetNode,
  data: Data | undefined,
): number {
  if (isAbstractType(type)) {
    const candidates = walk.schema
      .getPossibleTypes(type)
      .filter((possible) => !data?.__typename || data.__typename === possible.name);
    return Math.max(0, ...candidates.map((possible) => compositeCost(walk, possible, selections, data)));
  }
  let total = 0;
  for (const [key, nodes] of groupFields(walk, type, selections)) {
    const field = type.getFields()[nodes[0]!.name.value];
    if (field) total += fieldCost(walk, field, nodes, data?.[key], false);
  }
  return total;
}

/** The fields a selection set asks of `type`, by response key, with fragments and @skip/@include applied. */
function groupFields(
  walk: Walk,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  into = new Map<string, FieldNode[]>(),
) {
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__")) continue;
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments[selection.name.value] : selection;
    if (!fragment) continue;
    const condition = fragment.typeCondition?.name.value;
    const conditionType = condition ? walk.schema.getType(condition) : type;
    const applies =
      conditionType === type ||
      (conditionType && isAbstractType(conditionType) && walk.schema.isSubType(conditionType, type));
    if (applies) groupFields(walk, type, fragment.selectionSet, into);
  }
  return into;
}

function included(walk: Walk, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, walk.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, walk.variables)?.if !== false;
}

function mergedSelections(nodes: FieldNode[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []) };
}
