// The bulk queries that read a store's items for the index (Shopify pages them itself; `first`
// is not allowed). Products bring their variants' SKUs as child lines (`__parentId`).
import type { ResourceType } from "@/lib/vocabulary/sync";

const PRODUCTS = `#graphql
  {
    products {
      edges {
        node {
          id
          title
          updatedAt
          variants {
            edges {
              node {
                id
                sku
              }
            }
          }
        }
      }
    }
  }
`;

const CUSTOMERS = `#graphql
  {
    customers {
      edges {
        node {
          id
          displayName
          defaultEmailAddress {
            emailAddress
          }
          updatedAt
        }
      }
    }
  }
`;

// Without the read_all_orders scope Shopify returns only the last 60 days of orders.
const ORDERS = `#graphql
  {
    orders {
      edges {
        node {
          id
          name
          email
          createdAt
          updatedAt
        }
      }
    }
  }
`;

export const INDEX_BULK_QUERIES: Record<ResourceType, string> = {
  product: PRODUCTS,
  customer: CUSTOMERS,
  order: ORDERS,
};
