const count = new Intl.NumberFormat("en");

/** "50 products, 100 customers and 200 orders" */
export function describeContents({
  products,
  customers,
  orders,
}: {
  products: number;
  customers: number;
  orders: number;
}): string {
  return `${count.format(products)} products, ${count.format(customers)} customers and ${count.format(orders)} orders`;
}
