// The words of the audit log: one sentence per action, the details each action keeps in it.
import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@/lib/vocabulary/audit";
import { describeAuditEvent } from "./describe-audit-event";

const words = (event: AuditEvent, target: string | null = "shop.myshopify.com") =>
  describeAuditEvent({ ...event, target });

describe("describeAuditEvent", () => {
  it("names people and roles for organization events", () => {
    expect(words({ action: "invitation.created", details: { role: "admin", invitationId: "i1" } }, "a@b.co")).toBe(
      "Invited a@b.co as admin",
    );
    expect(words({ action: "member.role_changed", details: { from: "member", to: "owner" } }, "a@b.co")).toBe(
      "Changed a@b.co's role from member to owner",
    );
    expect(words({ action: "organization.renamed", details: { from: "Acme", to: "Acme Co" } }, null)).toBe(
      "Renamed the organization from “Acme” to “Acme Co”",
    );
  });

  it("says how a store was connected", () => {
    const connected = { kind: "shopify", status: "connected", reconnected: false } as const;
    expect(words({ action: "store.connected", details: { ...connected, method: "oauth" } })).toBe(
      "Connected shop.myshopify.com through Shopify",
    );
    expect(words({ action: "store.connected", details: { ...connected, method: "token", reconnected: true } })).toBe(
      "Reconnected shop.myshopify.com with an access token",
    );
    expect(
      words({
        action: "store.connected",
        details: { kind: "sandbox", method: "sandbox", status: "connected", reconnected: false, size: "medium" },
      }),
    ).toBe("Added a medium sandbox store (shop.myshopify.com)");
  });

  it("lists the settings that changed", () => {
    const changes = { name: { from: "A", to: "B" }, metafieldNamespace: { from: "synco", to: "acme" } };
    expect(words({ action: "store.settings_updated", details: { kind: "shopify", changes } })).toBe(
      "Updated shop.myshopify.com: renamed it from “A” to “B” and changed its metafield namespace from “synco” to “acme”",
    );
  });

  it("names the resource types of a partial export and the format", () => {
    expect(words({ action: "sync.mappings_exported", details: { format: "csv", types: ["product", "order"] } })).toBe(
      "Exported the mapping of products and orders of shop.myshopify.com as CSV",
    );
    expect(
      words({ action: "sync.mappings_exported", details: { format: "json", types: ["product", "customer", "order"] } }),
    ).toBe("Exported the whole mapping of shop.myshopify.com as JSON");
  });

  it("tells an uninstall from a disconnect", () => {
    expect(words({ action: "store.disconnected", details: { kind: "shopify", reason: "app_uninstalled" } })).toBe(
      "Disconnected shop.myshopify.com: the app was uninstalled in Shopify",
    );
  });

  it("shows an action it does not know by its name (a row from a newer version)", () => {
    const future = { action: "store.cleared", details: {} } as unknown as AuditEvent;
    expect(words(future)).toBe("store.cleared (shop.myshopify.com)");
  });
});
