// Access scopes, as Shopify checks them: a field or mutation the installation's scopes do not
// cover resolves to null with an ACCESS_DENIED error at its path (a write scope implies its read
// scope). Without `read_all_orders` a token sees only the orders created in the last 60 days —
// in lists, counts, by id and in bulk exports alike (the resolvers apply `ordersSince`).
import { defaultFieldResolver, GraphQLError, isObjectType, type GraphQLSchema } from "graphql";

export const ORDER_WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;

/** The read scope each readable resource needs; the write scope is the same with `write_`. */
export const RESOURCE_SCOPES = {
  Product: "products",
  ProductVariant: "products",
  Customer: "customers",
  Order: "orders",
  LineItem: "orders",
} as const satisfies Record<string, string>;

const read = (resource: keyof typeof RESOURCE_SCOPES) => `read_${RESOURCE_SCOPES[resource]}`;
const write = (resource: keyof typeof RESOURCE_SCOPES) => `write_${RESOURCE_SCOPES[resource]}`;

/** Fields that need a scope beyond the token itself, by type. Node and metafield writes are checked per id. */
export const FIELD_SCOPES: Record<string, Record<string, string>> = {
  QueryRoot: {
    product: read("Product"),
    products: read("Product"),
    productsCount: read("Product"),
    productVariant: read("Product"),
    productVariants: read("Product"),
    productVariantsCount: read("Product"),
    customer: read("Customer"),
    customers: read("Customer"),
    customersCount: read("Customer"),
    order: read("Order"),
    orders: read("Order"),
    ordersCount: read("Order"),
  },
  Mutation: {
    productCreate: write("Product"),
    productUpdate: write("Product"),
    productDelete: write("Product"),
    customerCreate: write("Customer"),
    customerUpdate: write("Customer"),
    customerDelete: write("Customer"),
    orderCreate: write("Order"),
    orderUpdate: write("Order"),
    orderDelete: write("Order"),
  },
  Order: { customer: read("Customer") },
  Customer: { orders: read("Order") },
  LineItem: { product: read("Product"), variant: read("Product") },
};

/** Whether the granted scopes cover `scope`; `write_x` grants `read_x`. */
export function hasScope(granted: ReadonlySet<string>, scope: string): boolean {
  return granted.has(scope) || (scope.startsWith("read_") && granted.has(`write_${scope.slice(5)}`));
}

/** The read scope a gid's type needs, or null when the token alone is enough. */
export function readScopeOf(gidType: string): string | null {
  return gidType in RESOURCE_SCOPES ? read(gidType as keyof typeof RESOURCE_SCOPES) : null;
}

/** The write scope metafields of a gid's type need, or null when the token alone is enough. */
export function writeScopeOf(gidType: string): string | null {
  return gidType in RESOURCE_SCOPES ? write(gidType as keyof typeof RESOURCE_SCOPES) : null;
}

/** Shopify's error for a field the token's scopes do not reach. */
export function accessDenied(fieldName: string, scope: string): GraphQLError {
  return new GraphQLError(`Access denied for ${fieldName} field. Required access: \`${scope}\` access scope.`, {
    extensions: {
      code: "ACCESS_DENIED",
      documentation: "https://shopify.dev/api/usage/access-scopes",
      requiredAccess: `\`${scope}\` access scope.`,
    },
  });
}

/** The oldest order creation time the token may see, or null with `read_all_orders`. */
export function ordersVisibleSince(granted: ReadonlySet<string>, now = Date.now()): Date | null {
  return granted.has("read_all_orders") ? null : new Date(now - ORDER_WINDOW_DAYS * DAY_MS);
}

/** Wraps every field of FIELD_SCOPES so it refuses a context without the scope. */
export function enforceAccessScopes(schema: GraphQLSchema): void {
  for (const [typeName, fields] of Object.entries(FIELD_SCOPES)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`access scopes for ${typeName}, not an object type of the sandbox`);
    for (const [fieldName, scope] of Object.entries(fields)) {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`access scope for ${typeName}.${fieldName}, which the sandbox does not define`);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, ctx: { scopes: ReadonlySet<string> }, info) => {
        if (!hasScope(ctx.scopes, scope)) throw accessDenied(info.fieldName, scope);
        return resolve(parent, args, ctx, info);
      };
    }
  }
}
