// Serialisation of Shopify's custom scalars, as the real API writes them: DateTime to the second
// in UTC ("2026-01-05T10:00:00Z"), Decimal as a string ("10.0", "12.5"), Money with two decimals,
// UnsignedInt64 as a string of digits.
import { GraphQLError, Kind, type GraphQLScalarType, type GraphQLSchema, type ValueNode } from "graphql";

type ScalarBehaviour = {
  serialize: (value: unknown) => unknown;
  parseValue: (value: unknown) => unknown;
};

const decimalString = (value: unknown) => {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new GraphQLError(`Invalid decimal: ${JSON.stringify(value)}`);
  return text;
};

const BEHAVIOURS: Record<string, ScalarBehaviour> = {
  DateTime: {
    serialize: (value) => new Date(value as string | Date).toISOString().replace(/\.\d{3}Z$/, "Z"),
    parseValue: (value) => {
      const date = typeof value === "string" ? new Date(value) : null;
      if (!date || Number.isNaN(date.getTime())) throw new GraphQLError(`Invalid DateTime: ${JSON.stringify(value)}`);
      return date;
    },
  },
  Decimal: {
    serialize: (value) => {
      const [whole, fraction = ""] = Number(value).toFixed(2).split(".");
      return `${whole}.${fraction.replace(/0$/, "") || "0"}`;
    },
    parseValue: decimalString,
  },
  Money: { serialize: (value) => Number(value).toFixed(2), parseValue: decimalString },
  UnsignedInt64: { serialize: (value) => String(value), parseValue: (value) => String(value) },
  JSON: { serialize: (value) => value, parseValue: (value) => value },
  URL: { serialize: (value) => String(value), parseValue: (value) => String(value) },
};

export function installScalars(schema: GraphQLSchema): void {
  for (const [name, behaviour] of Object.entries(BEHAVIOURS)) {
    const scalar = schema.getType(name) as GraphQLScalarType | undefined;
    if (!scalar) throw new Error(`scalar ${name} missing from the sandbox SDL`);
    Object.assign(scalar, {
      serialize: behaviour.serialize,
      parseValue: behaviour.parseValue,
      parseLiteral: (node: ValueNode) => behaviour.parseValue(literal(node)),
    });
  }
}

function literal(node: ValueNode): unknown {
  if (node.kind === Kind.STRING || node.kind === Kind.INT || node.kind === Kind.FLOAT || node.kind === Kind.ENUM)
    return node.value;
  if (node.kind === Kind.BOOLEAN) return node.value;
  if (node.kind === Kind.NULL) return null;
  if (node.kind === Kind.LIST) return node.values.map(literal);
  if (node.kind === Kind.OBJECT)
    return Object.fromEntries(node.fields.map((field) => [field.name.value, literal(field.value)]));
  throw new GraphQLError("Variables are not allowed here");
}
