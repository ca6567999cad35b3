import { hasMetafieldsFields } from "./metafields";

export const shopSdl = /* GraphQL */ `
  type AccessScope {
    handle: String!
  }

  type App implements Node {
    handle: String
    id: ID!
  }

  type AppInstallation implements Node {
    accessScopes: [AccessScope!]!
    app: App!
    id: ID!
  }

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
    currentAppInstallation: AppInstallation!
    node(id: ID!): Node
    nodes(ids: [ID!]!): [Node]!
    shop: Shop!
  }
`;
