// Webhook subscriptions over HTTP, JSON format only (Admin API 2026-01 subset).
export const webhooksSdl = /* GraphQL */ `
  type WebhookSubscription implements LegacyInteroperability & Node {
    apiVersion: ApiVersion!
    callbackUrl: URL! @deprecated(reason: "Use \`uri\` instead.")
    createdAt: DateTime!
    filter: String
    format: WebhookSubscriptionFormat!
    id: ID!
    includeFields: [String!]!
    legacyResourceId: UnsignedInt64!
    metafieldNamespaces: [String!]!
    topic: WebhookSubscriptionTopic!
    updatedAt: DateTime!
    uri: String!
  }

  type ApiVersion {
    displayName: String!
    handle: String!
    supported: Boolean!
  }

  enum WebhookSubscriptionFormat {
    JSON
    XML
  }

  enum WebhookSubscriptionTopic {
    APP_UNINSTALLED
    BULK_OPERATIONS_FINISH
    CUSTOMERS_CREATE
    CUSTOMERS_DELETE
    CUSTOMERS_UPDATE
    ORDERS_CREATE
    ORDERS_DELETE
    ORDERS_UPDATED
    PRODUCTS_CREATE
    PRODUCTS_DELETE
    PRODUCTS_UPDATE
  }

  enum WebhookSubscriptionSortKeys {
    CREATED_AT
    ID
  }

  input WebhookSubscriptionInput {
    format: WebhookSubscriptionFormat
    uri: String
  }

  type WebhookSubscriptionConnection {
    edges: [WebhookSubscriptionEdge!]!
    nodes: [WebhookSubscription!]!
    pageInfo: PageInfo!
  }

  type WebhookSubscriptionEdge {
    cursor: String!
    node: WebhookSubscription!
  }

  type WebhookSubscriptionCreatePayload {
    userErrors: [UserError!]!
    webhookSubscription: WebhookSubscription
  }

  type WebhookSubscriptionDeletePayload {
    deletedWebhookSubscriptionId: ID
    userErrors: [UserError!]!
  }

  extend type QueryRoot {
    webhookSubscription(id: ID!): WebhookSubscription
    webhookSubscriptions(
      after: String
      before: String
      first: Int
      format: WebhookSubscriptionFormat
      last: Int
      query: String
      reverse: Boolean = false
      sortKey: WebhookSubscriptionSortKeys = CREATED_AT
      topics: [WebhookSubscriptionTopic!]
      uri: String
    ): WebhookSubscriptionConnection!
    webhookSubscriptionsCount(limit: Int = 10000, query: String): Count
  }

  extend type Mutation {
    webhookSubscriptionCreate(
      topic: WebhookSubscriptionTopic!
      webhookSubscription: WebhookSubscriptionInput!
    ): WebhookSubscriptionCreatePayload
    webhookSubscriptionDelete(id: ID!): WebhookSubscriptionDeletePayload
  }
`;
