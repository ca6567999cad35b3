import type { SandboxSizes } from "@/components/api/stores";

const count = new Intl.NumberFormat("en");

/** "50 products, 100 customers and 200 orders" */
export function describeContents({ products, customers, orders }: SandboxSizes[keyof SandboxSizes]): string {
  return `${count.format(products)} products, ${count.format(customers)} customers and ${count.format(orders)} orders`;
}
