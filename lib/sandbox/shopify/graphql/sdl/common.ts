// Shared pieces of the served schema. Every name, argument, default and nullability here is
// copied from the real Admin API 2026-01 schema; schema-contract.test.ts proves it.
export const commonSdl = /* GraphQL */ `
  schema {
    query: QueryRoot
    mutation: Mutation
  }

  type QueryRoot
  type Mutation

  scalar DateTime
  scalar Decimal
  scalar JSON
  scalar Money
  scalar UnsignedInt64
  scalar URL

  interface Node {
    id: ID!
  }

  interface LegacyInteroperability {
    legacyResourceId: UnsignedInt64!
  }

  interface DisplayableError {
    field: [String!]
    message: String!
  }

  type UserError implements DisplayableError {
    field: [String!]
    message: String!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
  }

  type Count {
    count: Int!
    precision: CountPrecision!
  }

  enum CountPrecision {
    AT_LEAST
    EXACT
  }

  type MoneyV2 {
    amount: Decimal!
    currencyCode: CurrencyCode!
  }

  type MoneyBag {
    presentmentMoney: MoneyV2!
    shopMoney: MoneyV2!
  }

  input MoneyInput {
    amount: Decimal!
    currencyCode: CurrencyCode!
  }

  input MoneyBagInput {
    presentmentMoney: MoneyInput
    shopMoney: MoneyInput!
  }

  enum CurrencyCode {
    AUD
    CAD
    CHF
    DKK
    EUR
    GBP
    JPY
    NOK
    NZD
    SEK
    USD
  }
`;
