// Bulk operations and the staged uploads that feed bulk mutations (Admin API 2026-01 subset).
export const bulkOperationsSdl = /* GraphQL */ `
  type BulkOperation implements Node {
    completedAt: DateTime
    createdAt: DateTime!
    errorCode: BulkOperationErrorCode
    fileSize: UnsignedInt64
    id: ID!
    objectCount: UnsignedInt64!
    partialDataUrl: URL
    query: String!
    rootObjectCount: UnsignedInt64!
    status: BulkOperationStatus!
    type: BulkOperationType!
    url: URL
  }

  enum BulkOperationErrorCode {
    ACCESS_DENIED
    INTERNAL_SERVER_ERROR
    TIMEOUT
  }

  enum BulkOperationStatus {
    CANCELED
    CANCELING
    COMPLETED
    CREATED
    EXPIRED
    FAILED
    RUNNING
  }

  enum BulkOperationType {
    MUTATION
    QUERY
  }

  enum BulkOperationsSortKeys {
    COMPLETED_AT
    CREATED_AT
  }

  type BulkOperationConnection {
    edges: [BulkOperationEdge!]!
    nodes: [BulkOperation!]!
    pageInfo: PageInfo!
  }

  type BulkOperationEdge {
    cursor: String!
    node: BulkOperation!
  }

  type BulkOperationRunQueryPayload {
    bulkOperation: BulkOperation
    userErrors: [BulkOperationUserError!]!
  }

  type BulkOperationUserError implements DisplayableError {
    code: BulkOperationUserErrorCode
    field: [String!]
    message: String!
  }

  enum BulkOperationUserErrorCode {
    INVALID
    LIMIT_REACHED
    OPERATION_IN_PROGRESS
  }

  type BulkOperationRunMutationPayload {
    bulkOperation: BulkOperation
    userErrors: [BulkMutationUserError!]!
  }

  type BulkMutationUserError implements DisplayableError {
    code: BulkMutationErrorCode
    field: [String!]
    message: String!
  }

  enum BulkMutationErrorCode {
    INTERNAL_FILE_SERVER_ERROR
    INVALID_MUTATION
    INVALID_STAGED_UPLOAD_FILE
    LIMIT_REACHED
    NO_SUCH_FILE
    OPERATION_IN_PROGRESS
  }

  type BulkOperationCancelPayload {
    bulkOperation: BulkOperation
    userErrors: [UserError!]!
  }

  input StagedUploadInput {
    filename: String!
    fileSize: UnsignedInt64
    httpMethod: StagedUploadHttpMethodType = PUT
    mimeType: String!
    resource: StagedUploadTargetGenerateUploadResource!
  }

  enum StagedUploadHttpMethodType {
    POST
    PUT
  }

  enum StagedUploadTargetGenerateUploadResource {
    BULK_MUTATION_VARIABLES
  }

  type StagedMediaUploadTarget {
    parameters: [StagedUploadParameter!]!
    resourceUrl: URL
    url: URL
  }

  type StagedUploadParameter {
    name: String!
    value: String!
  }

  type StagedUploadsCreatePayload {
    stagedTargets: [StagedMediaUploadTarget!]
    userErrors: [UserError!]!
  }

  extend type QueryRoot {
    bulkOperation(id: ID!): BulkOperation
    bulkOperations(
      after: String
      before: String
      first: Int
      last: Int
      query: String
      reverse: Boolean = false
      sortKey: BulkOperationsSortKeys = CREATED_AT
    ): BulkOperationConnection!
    currentBulkOperation(type: BulkOperationType = QUERY): BulkOperation
      @deprecated(reason: "Use \`bulkOperations\` with status filter instead.")
  }

  extend type Mutation {
    bulkOperationCancel(id: ID!): BulkOperationCancelPayload
    bulkOperationRunMutation(
      clientIdentifier: String
      mutation: String!
      stagedUploadPath: String!
    ): BulkOperationRunMutationPayload
    bulkOperationRunQuery(groupObjects: Boolean! = false, query: String!): BulkOperationRunQueryPayload
    stagedUploadsCreate(input: [StagedUploadInput!]!): StagedUploadsCreatePayload
  }
`;
