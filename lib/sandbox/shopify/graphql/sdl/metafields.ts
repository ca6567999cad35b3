/** The HasMetafields fields, repeated on every owner type as the real schema does. */
export const hasMetafieldsFields = /* GraphQL */ `
    metafield(key: String!, namespace: String): Metafield
    metafields(
      after: String
      before: String
      first: Int
      keys: [String!]
      last: Int
      namespace: String
      reverse: Boolean = false
    ): MetafieldConnection!
`;

export const metafieldsSdl = /* GraphQL */ `
  interface HasMetafields {
    ${hasMetafieldsFields}
  }

  interface HasCompareDigest {
    compareDigest: String!
  }

  type Metafield implements HasCompareDigest & LegacyInteroperability & Node {
    compareDigest: String!
    createdAt: DateTime!
    definition: MetafieldDefinition
    id: ID!
    jsonValue: JSON!
    key: String!
    legacyResourceId: UnsignedInt64!
    namespace: String!
    owner: HasMetafields!
    ownerType: MetafieldOwnerType!
    type: String!
    updatedAt: DateTime!
    value: String!
  }

  type MetafieldConnection {
    edges: [MetafieldEdge!]!
    nodes: [Metafield!]!
    pageInfo: PageInfo!
  }

  type MetafieldEdge {
    cursor: String!
    node: Metafield!
  }

  enum MetafieldOwnerType {
    CUSTOMER
    ORDER
    PRODUCT
    PRODUCTVARIANT
    SHOP
  }

  input MetafieldInput {
    id: ID
    key: String
    namespace: String
    type: String
    value: String
  }

  input MetafieldsSetInput {
    compareDigest: String
    key: String!
    namespace: String
    ownerId: ID!
    type: String
    value: String!
  }

  type MetafieldsSetPayload {
    metafields: [Metafield!]
    userErrors: [MetafieldsSetUserError!]!
  }

  type MetafieldsSetUserError implements DisplayableError {
    code: MetafieldsSetUserErrorCode
    elementIndex: Int
    field: [String!]
    message: String!
  }

  enum MetafieldsSetUserErrorCode {
    APP_NOT_AUTHORIZED
    BLANK
    CAPABILITY_VIOLATION
    INCLUSION
    INTERNAL_ERROR
    INVALID
    INVALID_COMPARE_DIGEST
    INVALID_TYPE
    INVALID_VALUE
    LESS_THAN_OR_EQUAL_TO
    PRESENT
    STALE_OBJECT
    TAKEN
    TOO_LONG
    TOO_SHORT
  }

  input MetafieldIdentifierInput {
    key: String!
    namespace: String!
    ownerId: ID!
  }

  type MetafieldIdentifier {
    key: String!
    namespace: String!
    ownerId: ID!
  }

  type MetafieldsDeletePayload {
    deletedMetafields: [MetafieldIdentifier]
    userErrors: [UserError!]!
  }

  extend type Mutation {
    metafieldsDelete(metafields: [MetafieldIdentifierInput!]!): MetafieldsDeletePayload
    metafieldsSet(metafields: [MetafieldsSetInput!]!): MetafieldsSetPayload
  }
`;
