// Request-level GraphQL errors in the shape and words of Shopify's GraphQL server (graphql-ruby):
// a parse error reads `Parse error on "}" (RCURLY) at [1, 10]` (or `Unexpected end of document`),
// validation errors carry graphql-ruby's messages and codes (undefinedField, argumentNotAccepted,
// missingRequiredArguments, selectionMismatch, variableNotDefined, variableNotUsed),
// bad variables read "Variable $x of type T was provided invalid value" (code INVALID_VARIABLE).
// A validation error it has no wording for keeps graphql-js's message.
import { Lexer, Source, TokenKind, type GraphQLError, type OperationDefinitionNode } from "graphql";
import { print } from "graphql";

export type ErrorBody = {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
};

export function parseErrorBody(error: GraphQLError, query: string): ErrorBody {
  const locations = error.locations?.map(({ line, column }) => ({ line, column }));
  const token = tokenAt(query, locations?.[0]);
  if (!token || token.kind === TokenKind.EOF) return { message: "Unexpected end of document", locations: [] };
  const at = locations?.[0] ? ` at [${locations[0].line}, ${locations[0].column}]` : "";
  return { message: `Parse error on ${JSON.stringify(token.text)} (${token.name})${at}`, locations };
}

const PUNCTUATORS: Partial<Record<string, string>> = {
  [TokenKind.BRACE_L]: "LCURLY",
  [TokenKind.BRACE_R]: "RCURLY",
  [TokenKind.PAREN_L]: "LPAREN",
  [TokenKind.PAREN_R]: "RPAREN",
  [TokenKind.BRACKET_L]: "LBRACKET",
  [TokenKind.BRACKET_R]: "RBRACKET",
  [TokenKind.COLON]: "COLON",
  [TokenKind.DOLLAR]: "VAR_SIGN",
  [TokenKind.BANG]: "BANG",
  [TokenKind.EQUALS]: "EQUALS",
  [TokenKind.AT]: "DIR_SIGN",
  [TokenKind.SPREAD]: "ELLIPSIS",
  [TokenKind.PIPE]: "PIPE",
  [TokenKind.AMP]: "AMP",
  [TokenKind.INT]: "INT",
  [TokenKind.FLOAT]: "FLOAT",
  [TokenKind.STRING]: "STRING",
  [TokenKind.BLOCK_STRING]: "STRING",
};
const KEYWORDS = new Set(["query", "mutation", "subscription", "fragment", "on", "true", "false", "null"]);

// The token the parser stopped at, named as graphql-ruby's lexer names it.
function tokenAt(
  query: string,
  location: { line: number; column: number } | undefined,
): { kind: string; text: string; name: string } | null {
  if (!location) return null;
  const lexer = new Lexer(new Source(query));
  try {
    for (let token = lexer.advance(); ; token = lexer.advance()) {
      const here = token.line > location.line || (token.line === location.line && token.column >= location.column);
      if (token.kind === TokenKind.EOF || here) {
        const text = token.value ?? token.kind;
        const name =
          token.kind === TokenKind.NAME
            ? KEYWORDS.has(text)
              ? text.toUpperCase()
              : "IDENTIFIER"
            : (PUNCTUATORS[token.kind] ?? "UNKNOWN_CHAR");
        return { kind: token.kind, text, name };
      }
    }
  } catch {
    // The lexer itself failed there (an unterminated string, a stray character).
    const line = query.split("\n")[location.line - 1] ?? "";
    const char = line[location.column - 1];
    return char === undefined ? null : { kind: "char", text: char, name: "UNKNOWN_CHAR" };
  }
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
  for (const [pattern, reword] of VALIDATION_WORDING) {
    const match = pattern.exec(error.message);
    if (match) {
      const { message, extensions } = reword(match.slice(1));
      return { message, locations, extensions };
    }
  }
  return { message: error.message, locations, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
}

const operationLabel = (name: string | undefined) => name ?? "anonymous query";

// graphql-js message → graphql-ruby's message and extensions.
const VALIDATION_WORDING: [RegExp, (parts: string[]) => { message: string; extensions: Record<string, unknown> }][] = [
  [
    /^Unknown argument "(.+?)" on field "(.+?)\.(.+?)"\./,
    ([argument, , field]) => ({
      message: `Field '${field}' doesn't accept argument '${argument}'`,
      extensions: { code: "argumentNotAccepted", name: field, typeName: "Field", argumentName: argument },
    }),
  ],
  [
    /^Field "(.+?)" argument "(.+?)" of type ".+?" is required, but it was not provided\./,
    ([field, argument]) => ({
      message: `Field '${field}' is missing required arguments: ${argument}`,
      extensions: { code: "missingRequiredArguments", className: "Field", name: field, arguments: argument },
    }),
  ],
  [
    /^Field "(.+?)" must not have a selection since type "(.+?)" has no subfields\./,
    ([field, type]) => ({
      message: `Selections can't be made on scalars (field '${field}' returns ${type!.replace(/!$/, "")} but has selections)`,
      extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: type!.replace(/!$/, "") },
    }),
  ],
  [
    /^Field "(.+?)" of type "(.+?)" must have a selection of subfields\./,
    ([field, type]) => ({
      message: `Field must have selections (field '${field}' returns ${type!.replace(/[[\]!]/g, "")} but has no selections. Did you mean '${field} { ... }'?)`,
      extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: type!.replace(/[[\]!]/g, "") },
    }),
  ],
  [
    /^Variable "\$(.+?)" is not defined(?: by operation "(.+?)")?\./,
    ([variable, operation]) => ({
      message: `Variable $${variable} is used by ${operationLabel(operation)} but not declared`,
      extensions: { code: "variableNotDefined", variableName: variable },
    }),
  ],
  [
    /^Variable "\$(.+?)" is never used(?: in operation "(.+?)")?\./,
    ([variable, operation]) => ({
      message: `Variable $${variable} is declared by ${operationLabel(operation)} but not used`,
      extensions: { code: "variableNotUsed", variableName: variable },
    }),
  ],
];

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
