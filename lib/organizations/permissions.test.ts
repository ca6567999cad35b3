// The permission table the route wrapper and the pages share.
import { describe, expect, it } from "vitest";
import { assignableRoles, can, canManageMember } from "./permissions";

describe("permissions", () => {
  it("lets admins and owners manage, members only look", () => {
    expect(can("member", "store.manage")).toBe(false);
    expect(can("admin", "store.manage")).toBe(true);
    expect(can("owner", "audit.view")).toBe(true);
  });

  it("lets only owners make owners", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "admin", "member"]);
    expect(assignableRoles("admin")).toEqual(["admin", "member"]);
    expect(assignableRoles("member")).toEqual([]);
  });

  it("lets only owners change or remove owners", () => {
    expect(canManageMember("owner", "owner")).toBe(true);
    expect(canManageMember("admin", "owner")).toBe(false);
    expect(canManageMember("admin", "admin")).toBe(true);
    expect(canManageMember("member", "member")).toBe(false);
  });
});
