import { hasMetafieldsFields } from "./metafields";

export const shopSdl = /* GraphQL */ `
  type Shop implements HasMetafields & Node {
    contactEmail: String!
    createdAt: DateTime!
    currencyCode: CurrencyCode!
    email: String!
    ianaTimezone: String!
    id: ID!
    ${hasMetafieldsFields}
    myshopifyDomain: String!
    name: String!
    plan: ShopPlan!
    updatedAt: DateTime!
    url: URL!
  }

  type ShopPlan {
    displayName: String! @deprecated(reason: "Use \`publicDisplayName\` instead.")
    partnerDevelopment: Boolean!
    publicDisplayName: String!
    shopifyPlus: Boolean!
  }

  extend type QueryRoot {
    node(id: ID!): Node
    nodes(ids: [ID!]!): [Node]!
    shop: Shop!
  }
`;
