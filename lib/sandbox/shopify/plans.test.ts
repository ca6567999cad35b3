import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createSandboxShop } from "./create-sandbox-shop";
import { prepareSandboxShop } from "./prepare-sandbox-shop";
import { defaultSandboxDb as db } from "./sandbox-db";
import { seedSandboxStore } from "./seed/seed-sandbox-store";
import { sandboxClient, startSandboxServerForTests } from "./testing/sandbox-client";

const baseUrl = startSandboxServerForTests();
const root = path.resolve(import.meta.dirname, "../../..");
const domain = () => `plan-${randomUUID().slice(0, 12)}.myshopify.com`;

const ACCEPTED = ["standard", "advanced", "plus", "enterprise"];
// Shopify's own plan names are not the sandbox's (its Basic is "standard"); case matters.
const REFUSED = ["basic", "Basic", "STANDARD", "shopify_plus", ""];
const REFUSAL = /must be one of standard, advanced, plus, enterprise/;

async function planOf(shopDomain: string, token: string) {
  const result = await sandboxClient(
    baseUrl(),
    shopDomain,
    token,
  )<{ shop: { plan: { displayName: string } } }>("{ shop { plan { displayName } } }");
  expect(result.status).toBe(200);
  return result.body.data!.shop.plan.displayName;
}

// Each entry point that names a plan, and how to call it.
const ENTRY_POINTS: { name: string; create: (plan: string) => Promise<{ domain: string; token: string }> }[] = [
  {
    name: "createSandboxShop",
    create: async (plan) => {
      const shop = await createSandboxShop({ domain: domain(), name: "Plans", plan: plan as never });
      return { domain: shop.shop.domain, token: shop.accessToken };
    },
  },
  {
    name: "seedSandboxStore",
    create: async (plan) => {
      const seeded = await seedSandboxStore({
        domain: domain(),
        plan: plan as never,
        sizes: { products: 1, customers: 1, orders: 1, metafields: 0 },
      });
      return { domain: seeded.shop.domain, token: seeded.accessToken! };
    },
  },
  {
    name: "npm run sandbox:shopify -- --shop … --plan … (prepareSandboxShop)",
    create: async (plan) => {
      const shopDomain = domain();
      return { domain: shopDomain, token: (await prepareSandboxShop({ domain: shopDomain, plan })).accessToken };
    },
  },
];

describe("sandbox plan names", () => {
  it.each(ENTRY_POINTS)("$name accepts the four plans and refuses any other name", async ({ create }) => {
    for (const plan of ACCEPTED) {
      const { domain: shopDomain, token } = await create(plan);
      expect(await planOf(shopDomain, token), plan).toBeTruthy();
    }
    for (const plan of REFUSED) await expect(create(plan), JSON.stringify(plan)).rejects.toThrow(REFUSAL);
  });

  it("changes an existing shop's plan when the script is run again with another", async () => {
    const shopDomain = domain();
    await prepareSandboxShop({ domain: shopDomain, plan: "standard" });
    const { accessToken, created } = await prepareSandboxShop({ domain: shopDomain, plan: "plus" });
    expect(created).toBe(false);
    expect(await planOf(shopDomain, accessToken)).toBe("Plus");
    await expect(prepareSandboxShop({ domain: shopDomain, plan: "basic" })).rejects.toThrow(REFUSAL);
    expect(await planOf(shopDomain, (await prepareSandboxShop({ domain: shopDomain, plan: "plus" })).accessToken)).toBe(
      "Plus",
    );
  });

  it("is held by the table too: a row with another plan is refused", async () => {
    for (const plan of REFUSED) {
      await expect(
        db.execute(
          sql`insert into sandbox_shopify_shops (domain, name, email, plan) values (${domain()}, 'x', 'x@x', ${plan})`,
        ),
      ).rejects.toMatchObject({ cause: { constraint: "sandbox_shopify_shops_plan_check" } });
    }
  });

  it.each([
    ["sandbox:shopify", ["scripts/sandbox-shopify.ts", "--plan", "basic"], /--plan must be one of/],
    ["bench:client", ["scripts/bench-client.ts", "--plans", "standard,basic"], /--plans must be one of/],
  ])("npm run %s refuses an unknown plan before it starts anything", (_name, args, message) => {
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, SYNCO_DATA_DIR: path.join(root, ".data", "never-opened") },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(message);
  });
});
