import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { member, organization, session } from "@/db/schema/auth";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { TCreateOrganizationResponse } from "./schemas";

/** Creates an organization owned by the user and makes it the session's active one. */
export async function createOrganization({
  actor,
  sessionId,
  name,
}: {
  actor: Actor;
  sessionId: string;
  name: string;
}): Promise<TCreateOrganizationResponse> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(organization)
      .values({ id: crypto.randomUUID(), name, slug: slugFor(name) })
      .returning({ id: organization.id, name: organization.name, slug: organization.slug });
    await tx
      .insert(member)
      .values({ id: crypto.randomUUID(), organizationId: created!.id, userId: actor.userId, role: "owner" });
    await tx.update(session).set({ activeOrganizationId: created!.id }).where(eq(session.id, sessionId));
    await recordAudit(tx, actor, { organizationId: created!.id, action: "organization.created", details: { name } });
    return { organization: created!, role: "owner" as const };
  });
}

// Slugs only need to be unique and readable; a random suffix avoids a check-then-insert race.
function slugFor(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "org"}-${randomBytes(3).toString("hex")}`;
}
