import { hasMetafieldsFields } from "./metafields";

export const customersSdl = /* GraphQL */ `
  type Customer implements HasMetafields & LegacyInteroperability & Node {
    createdAt: DateTime!
    defaultEmailAddress: CustomerEmailAddress
    defaultPhoneNumber: CustomerPhoneNumber
    displayName: String!
    email: String @deprecated(reason: "Use \`defaultEmailAddress.emailAddress\` instead.")
    firstName: String
    id: ID!
    lastName: String
    legacyResourceId: UnsignedInt64!
    ${hasMetafieldsFields}
    note: String
    numberOfOrders: UnsignedInt64!
    orders(
      after: String
      before: String
      first: Int
      last: Int
      query: String
      reverse: Boolean = false
      sortKey: OrderSortKeys = ID
    ): OrderConnection!
    phone: String @deprecated(reason: "Use \`defaultPhoneNumber.phoneNumber\` instead.")
    tags: [String!]!
    updatedAt: DateTime!
  }

  type CustomerEmailAddress {
    emailAddress: String!
  }

  type CustomerPhoneNumber {
    phoneNumber: String!
  }

  enum CustomerSortKeys {
    CREATED_AT
    ID
    NAME
    UPDATED_AT
  }

  type CustomerConnection {
    edges: [CustomerEdge!]!
    nodes: [Customer!]!
    pageInfo: PageInfo!
  }

  type CustomerEdge {
    cursor: String!
    node: Customer!
  }

  input CustomerInput {
    email: String
    firstName: String
    id: ID
    lastName: String
    metafields: [MetafieldInput!]
    note: String
    tags: [String!]
  }

  type CustomerCreatePayload {
    customer: Customer
    userErrors: [UserError!]!
  }

  type CustomerUpdatePayload {
    customer: Customer
    userErrors: [UserError!]!
  }

  input CustomerDeleteInput {
    id: ID!
  }

  type CustomerDeletePayload {
    deletedCustomerId: ID
    shop: Shop!
    userErrors: [UserError!]!
  }

  extend type QueryRoot {
    customer(id: ID!): Customer
    customers(
      after: String
      before: String
      first: Int
      last: Int
      query: String
      reverse: Boolean = false
      sortKey: CustomerSortKeys = ID
    ): CustomerConnection!
    customersCount(limit: Int = 10000, query: String): Count
  }

  extend type Mutation {
    customerCreate(input: CustomerInput!): CustomerCreatePayload
    customerDelete(input: CustomerDeleteInput!): CustomerDeletePayload
    customerUpdate(input: CustomerInput!): CustomerUpdatePayload
  }
`;
