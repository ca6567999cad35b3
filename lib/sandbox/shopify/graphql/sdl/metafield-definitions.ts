export const metafieldDefinitionsSdl = /* GraphQL */ `
  type MetafieldDefinition implements Node {
    description: String
    id: ID!
    key: String!
    metafieldsCount: Int!
    name: String!
    namespace: String!
    ownerType: MetafieldOwnerType!
    type: MetafieldDefinitionType!
    validations: [MetafieldDefinitionValidation!]!
  }

  type MetafieldDefinitionType {
    category: String!
    name: String!
  }

  type MetafieldDefinitionValidation {
    name: String!
    type: String!
    value: String
  }

  type MetafieldDefinitionConnection {
    edges: [MetafieldDefinitionEdge!]!
    nodes: [MetafieldDefinition!]!
    pageInfo: PageInfo!
  }

  type MetafieldDefinitionEdge {
    cursor: String!
    node: MetafieldDefinition!
  }

  enum MetafieldDefinitionSortKeys {
    ID
    NAME
  }

  input MetafieldDefinitionInput {
    description: String
    key: String!
    name: String!
    namespace: String
    ownerType: MetafieldOwnerType!
    type: String!
  }

  input MetafieldDefinitionIdentifierInput {
    key: String!
    namespace: String
    ownerType: MetafieldOwnerType!
  }

  type MetafieldDefinitionIdentifier {
    key: String!
    namespace: String!
    ownerType: MetafieldOwnerType!
  }

  type MetafieldDefinitionCreatePayload {
    createdDefinition: MetafieldDefinition
    userErrors: [MetafieldDefinitionCreateUserError!]!
  }

  type MetafieldDefinitionCreateUserError implements DisplayableError {
    code: MetafieldDefinitionCreateUserErrorCode
    elementIndex: Int
    field: [String!]
    message: String!
  }

  enum MetafieldDefinitionCreateUserErrorCode {
    BLANK
    INCLUSION
    INVALID
    INVALID_CHARACTER
    PRESENT
    TAKEN
    TOO_LONG
    TOO_SHORT
  }

  type MetafieldDefinitionDeletePayload {
    deletedDefinition: MetafieldDefinitionIdentifier
    deletedDefinitionId: ID
    userErrors: [MetafieldDefinitionDeleteUserError!]!
  }

  type MetafieldDefinitionDeleteUserError implements DisplayableError {
    code: MetafieldDefinitionDeleteUserErrorCode
    field: [String!]
    message: String!
  }

  enum MetafieldDefinitionDeleteUserErrorCode {
    INTERNAL_ERROR
    NOT_FOUND
    PRESENT
    RESERVED_NAMESPACE_ORPHANED_METAFIELDS
  }

  extend type QueryRoot {
    metafieldDefinition(identifier: MetafieldDefinitionIdentifierInput): MetafieldDefinition
    metafieldDefinitions(
      after: String
      before: String
      first: Int
      key: String
      last: Int
      namespace: String
      ownerType: MetafieldOwnerType!
      reverse: Boolean = false
      sortKey: MetafieldDefinitionSortKeys = ID
    ): MetafieldDefinitionConnection!
  }

  extend type Mutation {
    metafieldDefinitionCreate(definition: MetafieldDefinitionInput!): MetafieldDefinitionCreatePayload
    metafieldDefinitionDelete(
      deleteAllAssociatedMetafields: Boolean = false
      id: ID
      identifier: MetafieldDefinitionIdentifierInput
    ): MetafieldDefinitionDeletePayload
  }
`;
