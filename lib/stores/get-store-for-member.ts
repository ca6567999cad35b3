import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { member, organization } from "@/db/schema/auth";
import { stores, type Store } from "@/db/schema/stores";
import type { Membership } from "@/lib/organizations/get-membership";
import { toRole } from "@/lib/organizations/roles";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The store with the user's membership of the organization that owns it (not the active one —
 * decision 2), or null for an unknown or malformed id and for anyone outside that organization.
 */
export async function getStoreForMember({
  storeId,
  userId,
}: {
  storeId: string;
  userId: string;
}): Promise<{ store: Store; membership: Membership } | null> {
  if (!UUID.test(storeId)) return null;
  const [row] = await db
    .select({
      store: stores,
      memberId: member.id,
      role: member.role,
      org: { id: organization.id, name: organization.name, slug: organization.slug },
    })
    .from(stores)
    .innerJoin(member, and(eq(member.organizationId, stores.organizationId), eq(member.userId, userId)))
    .innerJoin(organization, eq(organization.id, stores.organizationId))
    .where(eq(stores.id, storeId))
    .limit(1);
  if (!row) return null;
  return { store: row.store, membership: { memberId: row.memberId, role: toRole(row.role), organization: row.org } };
}
