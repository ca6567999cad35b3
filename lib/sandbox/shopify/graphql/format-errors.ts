// Request-level GraphQL errors in the shape Shopify returns: parse errors carry PARSE_ERROR,
// unknown fields read "Field 'x' doesn't exist on type 'Y'" (code undefinedField), bad variables
// read "Variable $x of type T was provided invalid value" (code INVALID_VARIABLE).
import type { GraphQLError, OperationDefinitionNode } from "graphql";
import { print } from "graphql";

export type ErrorBody = {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
};

export function parseErrorBody(error: GraphQLError): ErrorBody {
  return {
    message: error.message,
    locations: error.locations?.map(({ line, column }) => ({ line, column })),
    extensions: { code: "PARSE_ERROR" },
  };
}

export function validationErrorBody(error: GraphQLError): ErrorBody {
  const locations = error.locations?.map(({ line, column }) => ({ line, column }));
  const unknownField = /^Cannot query field "(.+?)" on type "(.+?)"\./.exec(error.message);
  if (unknownField) {
    const [, fieldName, typeName] = unknownField;
    return {
      message: `Field '${fieldName}' doesn't exist on type '${typeName}'`,
      locations,
      extensions: { code: "undefinedField", typeName, fieldName },
    };
  }
  return { message: error.message, locations, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
}

export function variableErrorBody(
  error: GraphQLError,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): ErrorBody {
  const name = /Variable "\$(\w+)"/.exec(error.message)?.[1];
  const definition = operation.variableDefinitions?.find((variable) => variable.variable.name.value === name);
  if (!name || !definition) return { message: error.message, extensions: { code: "INVALID_VARIABLE" } };
  return {
    message: `Variable $${name} of type ${print(definition.type)} was provided invalid value`,
    locations: error.locations?.map(({ line, column }) => ({ line, column })),
    extensions: {
      code: "INVALID_VARIABLE",
      value: variables[name] ?? null,
      problems: [{ path: [], explanation: error.message }],
    },
  };
}
