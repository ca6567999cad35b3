// Turns executed bulk query data into Shopify's JSONL: each object on its own line, the nodes of a
// nested connection with `__parentId` (the parent's id) last. Grouped (`groupObjects: true`), they
// follow their parent; ungrouped — the default since 2026-01, where Shopify gives no order — they
// come before it, so a reader that expects parents first fails here as it would on a real store.
// A nested connection with more than one page is followed with `node(id:)` queries for its owner.
import {
  execute,
  getNamedType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { sandboxSchema } from "../graphql/build-sandbox-schema";
import type { SandboxContext } from "../graphql/context";
import { connectionNodeType, isConnectionType } from "./bulk-graphql";
import { argument, PAGE_INFO_KEY, variableDefinition } from "./bulk-query-plan";

type Json = Record<string, unknown>;
type Connection = Json & { [PAGE_INFO_KEY]?: { hasNextPage: boolean; endCursor: string | null } };

/** Collects lines for one commit; refuses lines past `limit` (the "fail part-way" fault). */
export class LineSink {
  lines: string[] = [];
  bytes = 0;
  objects = 0;
  roots = 0;
  constructor(private readonly limit: number | null) {}

  push(object: Json, root: boolean): void {
    if (this.limit !== null && this.objects >= this.limit) throw new SinkFull();
    const line = JSON.stringify(object);
    this.lines.push(line);
    this.bytes += Buffer.byteLength(line) + 1;
    this.objects += 1;
    if (root) this.roots += 1;
  }

  take(): Buffer {
    const data = Buffer.from(this.lines.length ? `${this.lines.join("\n")}\n` : "");
    this.lines = [];
    return data;
  }
}

export class SinkFull extends Error {}

export type WriteOptions = { sink: LineSink; context: SandboxContext; grouped: boolean };

/** Writes `object` (and, after it, its nested connections' nodes) to the sink. */
export async function writeBulkObject(
  object: Json,
  selection: SelectionSetNode,
  type: GraphQLCompositeType,
  parentId: string | null,
  options: WriteOptions,
): Promise<void> {
  const children: { connection: Connection; field: FieldNode; owner: Json; ownerType: GraphQLCompositeType }[] = [];
  stripConnections(object, selection, type, children);
  if (parentId !== null) object.__parentId = parentId;
  if (options.grouped) options.sink.push(object, parentId === null);
  for (const child of children) {
    const connectionType = getNamedType(fieldType(child.ownerType, child.field)) as GraphQLObjectType;
    const nodeType = connectionNodeType(connectionType) as GraphQLCompositeType;
    const ownerId = String(child.owner.id);
    for (let page: Connection | null = child.connection; page;) {
      for (const { node, selection: nodeSelection } of connectionNodes(page, child.field)) {
        await writeBulkObject(node, nodeSelection, nodeType, ownerId, options);
      }
      const info: Connection[typeof PAGE_INFO_KEY] = page[PAGE_INFO_KEY];
      page = info?.hasNextPage
        ? await fetchNextPage(child.ownerType, ownerId, child.field, info.endCursor, options.context)
        : null;
    }
  }
  if (!options.grouped) options.sink.push(object, parentId === null);
}

/** The node objects of a connection value, whether selected through `edges { node }` or `nodes`. */
export function connectionNodes(connection: Json, field: FieldNode): { node: Json; selection: SelectionSetNode }[] {
  for (const selection of field.selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === "nodes") {
      return ((connection[key] as Json[] | undefined) ?? []).map((node) => ({
        node,
        selection: selection.selectionSet!,
      }));
    }
    if (selection.name.value === "edges") {
      const nodeField = selection.selectionSet.selections.find(
        (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === "node",
      );
      if (!nodeField?.selectionSet) continue;
      const nodeKey = nodeField.alias?.value ?? "node";
      return ((connection[key] as Json[] | undefined) ?? []).map((edge) => ({
        node: edge[nodeKey] as Json,
        selection: nodeField.selectionSet!,
      }));
    }
  }
  return [];
}

// Removes connection values from an object (and from plain objects inside it), keeping them to
// write as separate lines; their owner is the object that selected them.
function stripConnections(
  object: Json,
  selection: SelectionSetNode,
  type: GraphQLCompositeType,
  into: { connection: Connection; field: FieldNode; owner: Json; ownerType: GraphQLCompositeType }[],
) {
  for (const item of selection.selections) {
    if (item.kind === Kind.INLINE_FRAGMENT) {
      const condition = item.typeCondition
        ? (sandboxSchema().getType(item.typeCondition.name.value) as GraphQLCompositeType)
        : type;
      stripConnections(object, item.selectionSet, condition, into);
      continue;
    }
    if (item.kind !== Kind.FIELD || !item.selectionSet) continue;
    const key = item.alias?.value ?? item.name.value;
    const value = object[key];
    if (value === undefined || !("getFields" in type) || !type.getFields()[item.name.value]) continue;
    const named = getNamedType(fieldType(type, item)) as GraphQLCompositeType;
    if (isConnectionType(named)) {
      delete object[key];
      if (value) into.push({ connection: value as Connection, field: item, owner: object, ownerType: type });
    } else if (value && typeof value === "object") {
      for (const inner of Array.isArray(value) ? value : [value])
        if (inner) stripConnections(inner as Json, item.selectionSet, named, into);
    }
  }
}

function fieldType(owner: GraphQLCompositeType, field: FieldNode) {
  return (owner as GraphQLObjectType).getFields()[field.name.value]!.type;
}

const followUps = new WeakMap<FieldNode, DocumentNode>();

// query ($id: ID!, $after: String) { node(id: $id) { ... on Owner { connection(first: 250, after: $after) } } }
async function fetchNextPage(
  ownerType: GraphQLCompositeType,
  ownerId: string,
  field: FieldNode,
  after: string | null,
  context: SandboxContext,
): Promise<Connection | null> {
  let document = followUps.get(field);
  if (!document) {
    const pagedField: FieldNode = {
      ...field,
      arguments: [
        ...(field.arguments ?? []).filter((arg) => arg.name.value !== "after"),
        argument("after", { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: "after" } }),
      ],
    };
    const operation: OperationDefinitionNode = {
      kind: Kind.OPERATION_DEFINITION,
      operation: "query" as OperationDefinitionNode["operation"],
      variableDefinitions: [
        {
          kind: Kind.VARIABLE_DEFINITION,
          variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: "id" } },
          type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "ID" } } },
        },
        variableDefinition("after"),
      ],
      selectionSet: {
        kind: Kind.SELECTION_SET,
        selections: [
          {
            kind: Kind.FIELD,
            name: { kind: Kind.NAME, value: "node" },
            arguments: [argument("id", { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: "id" } })],
            selectionSet: {
              kind: Kind.SELECTION_SET,
              selections: [
                {
                  kind: Kind.INLINE_FRAGMENT,
                  typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: ownerType.name } },
                  selectionSet: { kind: Kind.SELECTION_SET, selections: [pagedField] },
                },
              ],
            },
          },
        ],
      },
    };
    document = { kind: Kind.DOCUMENT, definitions: [operation] };
    followUps.set(field, document);
  }
  const result = await execute({
    schema: sandboxSchema(),
    document,
    variableValues: { id: ownerId, after },
    contextValue: context,
  });
  if (result.errors?.length) throw result.errors[0];
  const node = result.data?.node as Json | null | undefined;
  return (node?.[field.alias?.value ?? field.name.value] as Connection | undefined) ?? null;
}
