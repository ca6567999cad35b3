// The executable schema: the hand-written SDL subset plus resolvers. Built once per process.
import { buildSchema, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { enforceAccessScopes } from "./access-scopes";
import type { SandboxContext } from "./context";
import { bulkOperationMutationResolvers } from "./resolvers/bulk-operation-mutations";
import { bulkOperationResolvers } from "./resolvers/bulk-operations";
import { customerMutationResolvers } from "./resolvers/customer-mutations";
import { customerResolvers } from "./resolvers/customers";
import type { ResolverMap } from "./resolvers/common";
import { metafieldDefinitionResolvers } from "./resolvers/metafield-definitions";
import { metafieldMutationResolvers } from "./resolvers/metafield-mutations";
import { metafieldResolvers } from "./resolvers/metafields";
import { orderChangeMutationResolvers } from "./resolvers/order-change-mutations";
import { orderMutationResolvers } from "./resolvers/order-mutations";
import { orderResolvers } from "./resolvers/orders";
import { productMutationResolvers } from "./resolvers/product-mutations";
import { productResolvers } from "./resolvers/products";
import { shopResolvers } from "./resolvers/shop";
import { webhookSubscriptionResolvers } from "./resolvers/webhook-subscriptions";
import { installScalars } from "./scalars";
import { sandboxShopifySdl } from "./sdl";

const RESOLVERS: ResolverMap[] = [
  shopResolvers,
  productResolvers,
  productMutationResolvers,
  customerResolvers,
  customerMutationResolvers,
  orderResolvers,
  orderMutationResolvers,
  orderChangeMutationResolvers,
  metafieldResolvers,
  metafieldMutationResolvers,
  metafieldDefinitionResolvers,
  bulkOperationResolvers,
  bulkOperationMutationResolvers,
  webhookSubscriptionResolvers,
];

let cached: GraphQLSchema | undefined;

export function sandboxSchema(): GraphQLSchema {
  cached ??= buildSandboxSchema();
  return cached;
}

function buildSandboxSchema(): GraphQLSchema {
  const schema = buildSchema(sandboxShopifySdl);
  installScalars(schema);
  for (const map of RESOLVERS) {
    for (const [typeName, fields] of Object.entries(map)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type))
        throw new Error(`resolvers for ${typeName}, which is not an object type of the sandbox schema`);
      for (const [fieldName, resolve] of Object.entries(fields)) {
        const field = type.getFields()[fieldName];
        if (!field) throw new Error(`resolver for ${typeName}.${fieldName}, which the sandbox schema does not define`);
        field.resolve = resolve as GraphQLFieldResolver<unknown, SandboxContext>;
      }
    }
  }
  enforceAccessScopes(schema);
  return schema;
}
