// Customers → res.partner. Re-link before create: the mapped partner if it still exists, else
// the one partner with the customer's email (case-insensitive); two partners with one email is a
// failure naming both, never a guess. A customer without an email is found by the reference Synco
// gives the partners it creates. A customer still without a partner (no email, or no partner with
// it) is then looked for by phone: Shopify's, compared with the partner's phone (and mobile, where
// the version has it) as digits and a leading +. Lookups and creates are one call per batch each.
import { toShopifyGid } from "@/lib/shopify/gid";
import {
  anyOfIlike,
  eachOrAll,
  fetchNodes,
  indexRows,
  mappedOdooIds,
  tally,
  type ItemOutcome,
  type SyncContext,
} from "./sync-context";

const CUSTOMERS = `#graphql
  query SyncoOdooSyncCustomers($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Customer {
        id
        firstName
        lastName
        displayName
        defaultEmailAddress {
          emailAddress
        }
        defaultPhoneNumber {
          phoneNumber
        }
      }
    }
  }
`;

type CustomerNode = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  defaultEmailAddress: { emailAddress: string } | null;
  defaultPhoneNumber?: { phoneNumber: string } | null;
};

type Partner = {
  id: number;
  email: string | false;
  ref: string | false;
  phone?: string | false;
  mobile?: string | false;
};

/** A phone number as a key: its digits, with the leading + kept ("+1 (613) 555-0135" → "+16135550135"). */
export function normalisePhone(phone: string | null | undefined): string | null {
  const trimmed = phone?.trim() ?? "";
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length < 4) return null;
  return trimmed.startsWith("+") ? `+${digits}` : digits;
}

/** The partner reference of a customer that has no email: a key Synco can find it by again. */
export const customerRef = (shopifyId: number) => `Shopify customer ${shopifyId}`;

export async function syncCustomers(context: SyncContext, ids: number[]): Promise<Map<number, ItemOutcome>> {
  const outcomes = new Map<number, ItemOutcome>();
  const fail = (shopifyId: number, error: string, odooId: number | null = null) =>
    outcomes.set(shopifyId, { shopifyId, ok: false, error, odooId });
  const link = (shopifyId: number, odooId: number) => {
    outcomes.set(shopifyId, { shopifyId, ok: true, odooId });
    tally(context.linked, "customer");
  };

  await relinkMapped(context, ids, link, fail);
  let pending = ids.filter((id) => !outcomes.has(id));
  if (pending.length === 0) return outcomes;

  // Keys from the index first: a re-sync after a clear reads nothing from Shopify.
  const index = await indexRows(context.storeId, "customer", pending);
  const keyOf = new Map<number, string>();
  for (const id of pending) {
    const email = index.get(id)?.email?.trim().toLowerCase();
    if (email) keyOf.set(id, email);
  }
  await relinkByKeys(context, pending, keyOf, link, fail);
  pending = pending.filter((id) => !outcomes.has(id));
  if (pending.length === 0) return outcomes;

  const nodes = await fetchNodes<CustomerNode>(
    context,
    CUSTOMERS,
    pending.map((id) => toShopifyGid("customer", id)),
  );
  const stale: number[] = [];
  for (const id of pending) {
    const node = nodes.get(id);
    if (!node) {
      fail(id, "This customer is no longer in Shopify");
      continue;
    }
    const email = node.defaultEmailAddress?.emailAddress?.trim().toLowerCase() ?? "";
    if (email !== (keyOf.get(id) ?? "")) stale.push(id);
    keyOf.set(id, email || "");
  }
  // The index was behind Shopify for these: look again with Shopify's own emails.
  if (stale.length) await relinkByKeys(context, stale, keyOf, link, fail);
  // No partner by email (or no email): the phone, before creating one.
  const phoneOf = new Map<number, string>();
  for (const id of pending) {
    const phone = normalisePhone(nodes.get(id)?.defaultPhoneNumber?.phoneNumber);
    if (phone && !outcomes.has(id)) phoneOf.set(id, phone);
  }
  if (phoneOf.size) await relinkByPhone(context, phoneOf, link, fail);

  const toCreate = pending.filter((id) => !outcomes.has(id) && nodes.has(id));
  const failures = new Map<number, string>();
  const created = await eachOrAll(
    toCreate,
    (part) =>
      context.odoo.create(
        "res.partner",
        part.map((id) => partnerValues(id, nodes.get(id)!)),
      ),
    failures,
  );
  toCreate.forEach((id, i) => {
    const odooId = created[i];
    if (odooId) {
      outcomes.set(id, { shopifyId: id, ok: true, odooId });
      tally(context.created, "customer");
    } else fail(id, `Odoo refused the contact: ${failures.get(id) ?? "unknown error"}`);
  });
  return outcomes;
}

function partnerValues(shopifyId: number, node: CustomerNode): Record<string, unknown> {
  const email = node.defaultEmailAddress?.emailAddress?.trim() || null;
  const name =
    [node.firstName, node.lastName].filter(Boolean).join(" ").trim() ||
    node.displayName?.trim() ||
    email ||
    customerRef(shopifyId);
  return {
    name,
    email: email ?? false,
    phone: node.defaultPhoneNumber?.phoneNumber?.trim() || false,
    customer_rank: 1,
    ...(email ? {} : { ref: customerRef(shopifyId) }),
  };
}

/** Items mapped before whose partner still exists are linked to it; a partner deleted in Odoo fails the item. */
async function relinkMapped(
  context: SyncContext,
  ids: number[],
  link: (id: number, odooId: number) => void,
  fail: (id: number, error: string) => void,
) {
  const mapped = await mappedOdooIds(context.storeId, "customer", ids);
  const withIds = [...mapped].filter(([, m]) => m.odooId !== null && m.status === "synced");
  if (withIds.length === 0) return;
  const found = await context.odoo.read<Partner>(
    "res.partner",
    withIds.map(([, m]) => m.odooId!),
    ["id"],
  );
  const alive = new Set(found.map((p) => p.id));
  for (const [shopifyId, m] of withIds) {
    if (alive.has(m.odooId!)) link(shopifyId, m.odooId!);
    else
      fail(
        shopifyId,
        `The Odoo contact it was synced to (res.partner ${m.odooId}) was deleted in Odoo; sync it again to link or create another`,
      );
  }
}

/** One search for every key; one match links, two or more fail naming them. */
async function relinkByKeys(
  context: SyncContext,
  ids: number[],
  keyOf: Map<number, string>,
  link: (id: number, odooId: number) => void,
  fail: (id: number, error: string) => void,
) {
  const emails = [...new Set(ids.map((id) => keyOf.get(id)).filter((e): e is string => Boolean(e)))];
  const refs = ids.filter((id) => !keyOf.get(id)).map(customerRef);
  const byEmail = new Map<string, number[]>();
  const byRef = new Map<string, number[]>();
  if (emails.length) {
    const partners = await context.odoo.searchRead<Partner>("res.partner", {
      domain: anyOfIlike("email", emails),
      fields: ["id", "email"],
      order: "id",
    });
    for (const p of partners) {
      if (typeof p.email !== "string") continue;
      const key = p.email.trim().toLowerCase();
      byEmail.set(key, [...(byEmail.get(key) ?? []), p.id]);
    }
  }
  if (refs.length) {
    const partners = await context.odoo.searchRead<Partner>("res.partner", {
      domain: [["ref", "in", refs]],
      fields: ["id", "ref"],
      order: "id",
    });
    for (const p of partners) if (typeof p.ref === "string") byRef.set(p.ref, [...(byRef.get(p.ref) ?? []), p.id]);
  }
  for (const id of ids) {
    const email = keyOf.get(id);
    const matches = email ? byEmail.get(email) : byRef.get(customerRef(id));
    if (!matches?.length) continue;
    if (matches.length === 1) link(id, matches[0]!);
    else
      fail(
        id,
        `Ambiguous match in Odoo: ${matches.map((m) => `res.partner ${m}`).join(" and ")} both have ${email ? `the email ${email}` : `the reference ${customerRef(id)}`}; merge them or change one, then retry`,
      );
  }
}

/**
 * One search for every phone: partners whose phone (or mobile) ends with the number's last four
 * digits, compared afterwards as digits and a leading +. One match links, two or more fail naming them.
 */
async function relinkByPhone(
  context: SyncContext,
  phoneOf: Map<number, string>,
  link: (id: number, odooId: number) => void,
  fail: (id: number, error: string) => void,
) {
  // res.partner.mobile was removed in Odoo 19.
  const fields = context.major >= 19 ? ["phone"] : ["phone", "mobile"];
  const tails = [...new Set([...phoneOf.values()].map((phone) => phone.slice(-4)))];
  const leaves = fields.flatMap((field) => tails.map((tail) => [field, "ilike", tail]));
  const partners = await context.odoo.searchRead<Partner>("res.partner", {
    domain: [...Array(Math.max(0, leaves.length - 1)).fill("|"), ...leaves],
    fields: ["id", ...fields],
    order: "id",
  });
  const byPhone = new Map<string, number[]>();
  for (const p of partners) {
    const keys = new Set(fields.map((field) => normalisePhone(p[field as "phone"] || null)).filter(Boolean));
    for (const key of keys) byPhone.set(key!, [...(byPhone.get(key!) ?? []), p.id]);
  }
  for (const [id, phone] of phoneOf) {
    const matches = byPhone.get(phone);
    if (!matches?.length) continue;
    if (matches.length === 1) link(id, matches[0]!);
    else
      fail(
        id,
        `Ambiguous match in Odoo: ${matches.map((m) => `res.partner ${m}`).join(" and ")} both have the phone ${phone}; merge them or change one, then retry`,
      );
  }
}
