import { hasMetafieldsFields } from "./metafields";

export const ordersSdl = /* GraphQL */ `
  type Order implements HasMetafields & LegacyInteroperability & Node {
    createdAt: DateTime!
    currencyCode: CurrencyCode!
    currentTotalPriceSet: MoneyBag!
    customer: Customer
    email: String
    id: ID!
    legacyResourceId: UnsignedInt64!
    lineItems(after: String, before: String, first: Int, last: Int, reverse: Boolean = false): LineItemConnection!
    ${hasMetafieldsFields}
    name: String!
    note: String
    number: Int!
    processedAt: DateTime!
    subtotalPriceSet: MoneyBag
    tags: [String!]!
    totalPriceSet: MoneyBag!
    totalTaxSet: MoneyBag
    updatedAt: DateTime!
  }

  type LineItem implements Node {
    currentQuantity: Int!
    id: ID!
    name: String!
    originalTotalSet: MoneyBag!
    originalUnitPriceSet: MoneyBag!
    product: Product
    quantity: Int!
    sku: String
    title: String!
    variant: ProductVariant
    variantTitle: String
  }

  type LineItemConnection {
    edges: [LineItemEdge!]!
    nodes: [LineItem!]!
    pageInfo: PageInfo!
  }

  type LineItemEdge {
    cursor: String!
    node: LineItem!
  }

  enum OrderSortKeys {
    CREATED_AT
    ID
    ORDER_NUMBER
    PROCESSED_AT
    UPDATED_AT
  }

  type OrderConnection {
    edges: [OrderEdge!]!
    nodes: [Order!]!
    pageInfo: PageInfo!
  }

  type OrderEdge {
    cursor: String!
    node: Order!
  }

  input OrderCreateOrderInput {
    currency: CurrencyCode
    customer: OrderCreateCustomerInput
    email: String
    lineItems: [OrderCreateLineItemInput!]
    metafields: [MetafieldInput!]
    note: String
    processedAt: DateTime
    tags: [String!]
  }

  input OrderCreateLineItemInput {
    priceSet: MoneyBagInput
    quantity: Int!
    sku: String
    title: String
    variantId: ID
  }

  input OrderCreateCustomerInput {
    toAssociate: OrderCreateAssociateCustomerAttributesInput
    toUpsert: OrderCreateUpsertCustomerAttributesInput
  }

  input OrderCreateAssociateCustomerAttributesInput {
    email: String
    id: ID
  }

  input OrderCreateUpsertCustomerAttributesInput {
    email: String
    firstName: String
    id: ID
    lastName: String
  }

  input OrderCreateOptionsInput {
    inventoryBehaviour: OrderCreateInputsInventoryBehavior = BYPASS
    sendFulfillmentReceipt: Boolean = false
    sendReceipt: Boolean = false
  }

  enum OrderCreateInputsInventoryBehavior {
    BYPASS
    DECREMENT_IGNORING_POLICY
    DECREMENT_OBEYING_POLICY
  }

  type OrderCreatePayload {
    order: Order
    userErrors: [OrderCreateUserError!]!
  }

  type OrderCreateUserError implements DisplayableError {
    code: OrderCreateUserErrorCode
    field: [String!]
    message: String!
  }

  enum OrderCreateUserErrorCode {
    INVALID
    PROCESSED_AT_INVALID
    REDUNDANT_CUSTOMER_FIELDS
  }

  input OrderInput {
    email: String
    id: ID!
    metafields: [MetafieldInput!]
    note: String
    tags: [String!]
  }

  type OrderUpdatePayload {
    order: Order
    userErrors: [UserError!]!
  }

  type OrderDeletePayload {
    deletedId: ID
    userErrors: [OrderDeleteUserError!]!
  }

  type OrderDeleteUserError implements DisplayableError {
    code: OrderDeleteUserErrorCode
    field: [String!]
    message: String!
  }

  enum OrderDeleteUserErrorCode {
    INVALID
    NOT_FOUND
  }

  extend type QueryRoot {
    order(id: ID!): Order
    orders(
      after: String
      before: String
      first: Int
      last: Int
      query: String
      reverse: Boolean = false
      sortKey: OrderSortKeys = PROCESSED_AT
    ): OrderConnection!
    ordersCount(limit: Int = 10000, query: String): Count
  }

  extend type Mutation {
    orderCreate(options: OrderCreateOptionsInput, order: OrderCreateOrderInput!): OrderCreatePayload
    orderDelete(orderId: ID!): OrderDeletePayload
    orderUpdate(input: OrderInput!): OrderUpdatePayload
  }
`;
