// The fixed part of a mutation's cost. Most mutations cost 10. Since September 2026 metafieldsSet
// costs 10 plus, per distinct owner, a weight for the owner's type (Order 10, Product 4,
// ProductVariant 2, Customer 1, Shop 1) — shopify.dev changelog "Dynamic complexity cost for
// metafieldsSet mutation". That table names its 2-point row only by a link; the sandbox reads it
// as ProductVariant.
import { parseGid } from "../gid";

const MUTATION_COST = 10;

const OWNER_WEIGHTS: Record<string, number> = { Order: 10, Product: 4, ProductVariant: 2, Customer: 1, Shop: 1 };

export function mutationBaseCost(field: string, args: Record<string, unknown>): number {
  if (field !== "metafieldsSet" || !Array.isArray(args.metafields)) return MUTATION_COST;
  const owners = new Set((args.metafields as { ownerId?: unknown }[]).map((input) => String(input.ownerId)));
  let weight = 0;
  for (const owner of owners) weight += OWNER_WEIGHTS[parseGid(owner)?.type ?? ""] ?? 0;
  return MUTATION_COST + weight;
}
