// Deterministic "randomness" for seeding, computed inside PostgreSQL so large stores never leave
// the server: md5 of (seed, tag, index) read as an unsigned 32-bit number. md5 gives the same
// answer on every PostgreSQL version, so a seed means the same store everywhere.
import { sql, type SQL } from "drizzle-orm";

/** An integer in [0, 2^32) for this seed, tag and index (an SQL expression over `index`). */
export function seededInt(seed: number, tag: string, index: SQL): SQL {
  return sql`(('x' || substr(md5(${`${seed}:${tag}:`}::text || (${index})::text), 1, 8))::bit(32)::bigint)`;
}

/** A number in [0, 1). */
export function seededShare(seed: number, tag: string, index: SQL): SQL {
  return sql`(${seededInt(seed, tag, index)}::float8 / 4294967296.0)`;
}

/** One element of `words`, picked by the seed, tag and index. */
export function seededPick(seed: number, tag: string, index: SQL, words: readonly string[]): SQL {
  return sql`(${sql.raw(`array[${words.map((word) => `'${word.replace(/'/g, "''")}'`).join(",")}]`)})[1 + ${seededInt(seed, tag, index)} % ${words.length}]`;
}

export const WORDS = {
  adjectives: [
    "Classic",
    "Organic",
    "Vintage",
    "Modern",
    "Handmade",
    "Premium",
    "Everyday",
    "Rustic",
    "Urban",
    "Coastal",
    "Alpine",
    "Linen",
    "Wool",
    "Cotton",
    "Bamboo",
  ],
  nouns: [
    "Shirt",
    "Mug",
    "Backpack",
    "Candle",
    "Notebook",
    "Scarf",
    "Lamp",
    "Bottle",
    "Blanket",
    "Cap",
    "Wallet",
    "Apron",
    "Vase",
    "Towel",
    "Planter",
  ],
  vendors: ["Northwind", "Acme Goods", "Blue Harbor", "Fieldhouse", "Maison Lume"],
  sizes: ["Small", "Medium", "Large"],
  firstNames: [
    "Ada",
    "Bruno",
    "Chloe",
    "Diego",
    "Elena",
    "Farid",
    "Grace",
    "Hugo",
    "Ines",
    "Jonas",
    "Keiko",
    "Liam",
    "Maya",
    "Noah",
    "Olga",
    "Pavel",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
  ],
  lastNames: [
    "Martin",
    "Dubois",
    "Rossi",
    "Schmidt",
    "Garcia",
    "Kowalski",
    "Novak",
    "Silva",
    "Jensen",
    "Moreau",
    "Bianchi",
    "Weber",
    "Costa",
    "Nieminen",
    "Horvat",
  ],
} as const;

/** Why a sync of each type fails, in words that fit the type: a product never fails on an email. */
export const SYNC_ERRORS = {
  customer: [
    "Customer email already exists in Odoo with another company",
    "Odoo rejected the contact: the country of the address is not set up",
    "Odoo timed out after 30 seconds",
  ],
  product: [
    "Product default_code conflicts with an archived Odoo product",
    "Odoo rejected the product: its unit of measure is not set",
    "Odoo timed out after 30 seconds",
  ],
  order: [
    "Invoice could not be posted: fiscal period is closed",
    "Odoo rejected the order: missing tax configuration",
    "Odoo timed out after 30 seconds",
  ],
} as const;
