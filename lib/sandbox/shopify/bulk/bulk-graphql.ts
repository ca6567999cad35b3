// GraphQL helpers shared by bulk queries and bulk mutations: what counts as a connection, and a
// document with its fragment spreads replaced by inline fragments (so one walk sees everything).
import {
  getNamedType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** Shopify's connection types: `…Connection` objects with `pageInfo` (the cost rules use the same test). */
export function isConnectionType(type: GraphQLNamedType | undefined): type is GraphQLObjectType {
  return !!type && isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields();
}

export function connectionNodeType(connection: GraphQLObjectType): GraphQLNamedType {
  return getNamedType(connection.getFields().nodes!.type);
}

/** The single operation of `document` with every fragment spread inlined. */
export function inlineFragments(document: DocumentNode): OperationDefinitionNode | null {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1) return null;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const inline = (set: SelectionSetNode): SelectionSetNode => ({
    ...set,
    selections: set.selections.map((selection) => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value)!;
        return {
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: fragment.typeCondition,
          directives: selection.directives,
          selectionSet: inline(fragment.selectionSet),
        };
      }
      return selection.selectionSet ? { ...selection, selectionSet: inline(selection.selectionSet) } : selection;
    }),
  });
  return { ...operations[0]!, selectionSet: inline(operations[0]!.selectionSet) };
}
