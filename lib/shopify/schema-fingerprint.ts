// The part of Shopify's Admin API schema this repository relies on, as SDL without descriptions:
// every type the sandbox serves, every field the sandbox or the app's documents use (with all of
// the real field's arguments), and the types those reach — input objects and enums whole. It is
// generated from the real SDL (`npm run schema:fingerprint`) and committed, so any clone can check
// the sandbox and the documents against it; where the real SDL is present a test regenerates it
// and compares.
import {
  astFromValue,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";

const BUILT_IN = new Set(["String", "Int", "Float", "Boolean", "ID"]);

export function buildSchemaFingerprint({
  real,
  sandbox,
  documents,
}: {
  real: GraphQLSchema;
  sandbox: GraphQLSchema;
  documents: DocumentNode[];
}): string {
  // Type name → the fields used (object and interface types); other kinds are taken whole.
  const used = new Map<string, Set<string>>();
  const fieldsOf = (name: string) => {
    if (!used.has(name)) used.set(name, new Set());
    return used.get(name)!;
  };
  for (const type of Object.values(sandbox.getTypeMap())) {
    if (type.name.startsWith("__") || !real.getType(type.name)) continue;
    const fields = fieldsOf(type.name);
    if (isObjectType(type) || isInterfaceType(type)) for (const name of Object.keys(type.getFields())) fields.add(name);
  }
  for (const document of documents) {
    const info = new TypeInfo(real);
    visit(
      document,
      visitWithTypeInfo(info, {
        Field: (node) => {
          const parent = info.getParentType();
          if (parent && !node.name.value.startsWith("__")) fieldsOf(parent.name).add(node.name.value);
        },
        NamedType: (node) => void fieldsOf(node.name.value),
      }),
    );
  }
  for (const root of [real.getQueryType(), real.getMutationType()]) if (root) fieldsOf(root.name);

  // Close over what the used fields and types reach.
  const pending = [...used.keys()];
  const reach = (name: string) => {
    if (!used.has(name)) pending.push(name);
    fieldsOf(name);
  };
  while (pending.length) {
    const type = real.getType(pending.pop()!);
    if (!type) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = type.getFields();
      for (const name of used.get(type.name)!) {
        const field = fields[name];
        if (!field) continue;
        reach(getNamedType(field.type).name);
        for (const arg of field.args) reach(getNamedType(arg.type).name);
      }
      for (const implemented of type.getInterfaces()) if (used.has(implemented.name)) fieldsOf(implemented.name);
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) reach(getNamedType(field.type).name);
    }
  }

  const query = real.getQueryType()!.name;
  const mutation = real.getMutationType()?.name;
  const blocks = [`schema {\n  query: ${query}${mutation ? `\n  mutation: ${mutation}` : ""}\n}`];
  for (const name of [...used.keys()].sort()) {
    const type = real.getType(name);
    if (type && !BUILT_IN.has(name)) blocks.push(printType(type, used));
  }
  return `${blocks.join("\n\n")}\n`;
}

function printType(type: GraphQLNamedType, used: Map<string, Set<string>>): string {
  if (isScalarType(type)) return `scalar ${type.name}`;
  if (isEnumType(type))
    return `enum ${type.name} {\n${type
      .getValues()
      .map((value) => `  ${value.name}`)
      .join("\n")}\n}`;
  if (isUnionType(type)) {
    const members = type.getTypes().filter((member) => used.has(member.name));
    return `union ${type.name}${members.length ? ` = ${members.map((member) => member.name).join(" | ")}` : ""}`;
  }
  if (isInputObjectType(type))
    return `input ${type.name} {\n${Object.values(type.getFields())
      .map((field) => `  ${value(field)}`)
      .join("\n")}\n}`;
  const fields = used.get(type.name)!;
  const interfaces = (isObjectType(type) || isInterfaceType(type) ? type.getInterfaces() : []).filter((i) =>
    used.has(i.name),
  );
  const keyword = isInterfaceType(type) ? "interface" : "type";
  const implementsClause = interfaces.length ? ` implements ${interfaces.map((i) => i.name).join(" & ")}` : "";
  // Reached (a union member, an interface's implementation) but no field of it used.
  if (fields.size === 0) return `${keyword} ${type.name}${implementsClause}`;
  const lines = Object.values((type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields())
    .filter((field) => fields.has(field.name))
    .map((field) => {
      const args = field.args.length ? `(${field.args.map(value).join(", ")})` : "";
      return `  ${field.name}${args}: ${String(field.type)}`;
    });
  return `${keyword} ${type.name}${implementsClause} {\n${lines.join("\n")}\n}`;
}

function value(input: GraphQLArgument | GraphQLInputField): string {
  const defaultValue = input.defaultValue === undefined ? null : astFromValue(input.defaultValue, input.type);
  return `${input.name}: ${String(input.type)}${defaultValue ? ` = ${print(defaultValue)}` : ""}`;
}
