// Lists every way a schema is not a faithful subset of another: a type, field, argument, enum
// value or input field it defines that the other lacks or types differently (nullability and
// defaults included), and anything the other requires that it leaves out (required arguments
// and input fields, which would let a document pass here and fail against Shopify).
import {
  astFromValue,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  print,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";

export function schemaSubsetProblems(subset: GraphQLSchema, real: GraphQLSchema): string[] {
  const problems: string[] = [];
  if (subset.getQueryType()?.name !== real.getQueryType()?.name) problems.push("query root type name differs");
  if (subset.getMutationType()?.name !== real.getMutationType()?.name) problems.push("mutation root type name differs");
  for (const type of Object.values(subset.getTypeMap())) {
    if (type.name.startsWith("__") || (isScalarType(type) && type.specifiedByURL === undefined && isBuiltIn(type)))
      continue;
    const other = real.getType(type.name);
    if (!other) {
      problems.push(`type ${type.name} does not exist in the real schema`);
      continue;
    }
    if (kind(type) !== kind(other))
      problems.push(`${type.name} is ${kind(type)} here but ${kind(other)} in the real schema`);
    else problems.push(...typeProblems(type, other));
  }
  return problems;
}

function typeProblems(type: GraphQLNamedType, other: GraphQLNamedType): string[] {
  const problems: string[] = [];
  if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(other) || isInterfaceType(other))) {
    const realInterfaces = new Set(other.getInterfaces().map((i) => i.name));
    for (const i of type.getInterfaces())
      if (!realInterfaces.has(i.name)) problems.push(`${type.name} implements ${i.name}, the real type does not`);
    const realFields = other.getFields();
    for (const field of Object.values(type.getFields())) {
      const at = `${type.name}.${field.name}`;
      const realField = realFields[field.name];
      if (!realField) {
        problems.push(`field ${at} does not exist in the real schema`);
        continue;
      }
      if (String(field.type) !== String(realField.type))
        problems.push(`${at} is ${String(field.type)}, real is ${String(realField.type)}`);
      problems.push(...valuesProblems(at, "argument", field.args, realField.args));
    }
  }
  if (isInputObjectType(type) && isInputObjectType(other)) {
    problems.push(
      ...valuesProblems(type.name, "input field", Object.values(type.getFields()), Object.values(other.getFields())),
    );
  }
  if (isEnumType(type) && isEnumType(other)) {
    const realValues = new Set(other.getValues().map((value) => value.name));
    for (const value of type.getValues())
      if (!realValues.has(value.name)) problems.push(`enum value ${type.name}.${value.name} does not exist`);
  }
  if (isUnionType(type) && isUnionType(other)) {
    const members = new Set(other.getTypes().map((member) => member.name));
    for (const member of type.getTypes())
      if (!members.has(member.name)) problems.push(`${member.name} is not a member of union ${type.name}`);
  }
  return problems;
}

type Value = GraphQLArgument | GraphQLInputField;

function valuesProblems(owner: string, what: string, mine: readonly Value[], real: readonly Value[]): string[] {
  const problems: string[] = [];
  const realByName = new Map(real.map((value) => [value.name, value]));
  for (const value of mine) {
    const twin = realByName.get(value.name);
    if (!twin) {
      problems.push(`${what} ${owner}(${value.name}) does not exist in the real schema`);
      continue;
    }
    if (String(value.type) !== String(twin.type))
      problems.push(`${what} ${owner}(${value.name}) is ${String(value.type)}, real is ${String(twin.type)}`);
    if (defaultOf(value) !== defaultOf(twin))
      problems.push(`${what} ${owner}(${value.name}) defaults to ${defaultOf(value)}, real ${defaultOf(twin)}`);
  }
  const names = new Set(mine.map((value) => value.name));
  for (const value of real) {
    const required = String(value.type).endsWith("!") && value.defaultValue === undefined;
    if (required && !names.has(value.name)) problems.push(`required ${what} ${owner}(${value.name}) is missing`);
  }
  return problems;
}

function defaultOf(value: Value): string {
  if (value.defaultValue === undefined) return "(none)";
  const ast = astFromValue(value.defaultValue, value.type);
  return ast ? print(ast) : "null";
}

function kind(type: GraphQLNamedType): string {
  if (isObjectType(type)) return "an object";
  if (isInterfaceType(type)) return "an interface";
  if (isInputObjectType(type)) return "an input object";
  if (isEnumType(type)) return "an enum";
  if (isUnionType(type)) return "a union";
  return "a scalar";
}

const BUILT_IN = new Set(["String", "Int", "Float", "Boolean", "ID"]);
const isBuiltIn = (type: GraphQLNamedType) => BUILT_IN.has(type.name);
