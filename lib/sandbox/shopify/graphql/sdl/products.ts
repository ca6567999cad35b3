import { hasMetafieldsFields } from "./metafields";

const connectionArgs = /* GraphQL */ `after: String, before: String, first: Int, last: Int`;

export const productsSdl = /* GraphQL */ `
  type Product implements HasMetafields & LegacyInteroperability & Node {
    createdAt: DateTime!
    handle: String!
    id: ID!
    legacyResourceId: UnsignedInt64!
    ${hasMetafieldsFields}
    productType: String!
    status: ProductStatus!
    tags: [String!]!
    title: String!
    updatedAt: DateTime!
    variants(${connectionArgs}, reverse: Boolean = false, sortKey: ProductVariantSortKeys = POSITION): ProductVariantConnection!
    variantsCount: Count
    vendor: String!
  }

  type ProductVariant implements HasMetafields & LegacyInteroperability & Node {
    barcode: String
    createdAt: DateTime!
    displayName: String!
    id: ID!
    legacyResourceId: UnsignedInt64!
    ${hasMetafieldsFields}
    position: Int!
    price: Money!
    product: Product!
    sku: String
    title: String!
    updatedAt: DateTime!
  }

  enum ProductStatus {
    ACTIVE
    ARCHIVED
    DRAFT
    UNLISTED
  }

  enum ProductSortKeys {
    CREATED_AT
    ID
    TITLE
    UPDATED_AT
  }

  enum ProductVariantSortKeys {
    ID
    POSITION
    SKU
    TITLE
  }

  type ProductConnection {
    edges: [ProductEdge!]!
    nodes: [Product!]!
    pageInfo: PageInfo!
  }

  type ProductEdge {
    cursor: String!
    node: Product!
  }

  type ProductVariantConnection {
    edges: [ProductVariantEdge!]!
    nodes: [ProductVariant!]!
    pageInfo: PageInfo!
  }

  type ProductVariantEdge {
    cursor: String!
    node: ProductVariant!
  }

  input ProductCreateInput {
    handle: String
    metafields: [MetafieldInput!]
    productType: String
    status: ProductStatus
    tags: [String!]
    title: String
    vendor: String
  }

  input ProductUpdateInput {
    handle: String
    id: ID
    metafields: [MetafieldInput!]
    productType: String
    status: ProductStatus
    tags: [String!]
    title: String
    vendor: String
  }

  input ProductDeleteInput {
    id: ID!
  }

  type ProductCreatePayload {
    product: Product
    shop: Shop!
    userErrors: [UserError!]!
  }

  type ProductUpdatePayload {
    product: Product
    userErrors: [UserError!]!
  }

  type ProductDeletePayload {
    deletedProductId: ID
    shop: Shop!
    userErrors: [UserError!]!
  }

  extend type QueryRoot {
    product(id: ID!): Product
    productVariant(id: ID!): ProductVariant
    productVariants(${connectionArgs}, query: String, reverse: Boolean = false, sortKey: ProductVariantSortKeys = ID): ProductVariantConnection!
    productVariantsCount(limit: Int = 10000, query: String): Count
    products(${connectionArgs}, query: String, reverse: Boolean = false, sortKey: ProductSortKeys = ID): ProductConnection!
    productsCount(limit: Int = 10000, query: String): Count
  }

  extend type Mutation {
    productCreate(product: ProductCreateInput): ProductCreatePayload
    productDelete(input: ProductDeleteInput!, synchronous: Boolean = true): ProductDeletePayload
    productUpdate(product: ProductUpdateInput): ProductUpdatePayload
  }
`;
