// The layering of the code base, checked by `npm run lint` (dependency-cruiser) and drawn by
// `npm run graph:domains`. A module may import from its own domain and from any lower layer;
// never from a higher layer, nor from another domain of its own layer. So no import cycle can
// run between domains (checked on its own as well). docs/architecture.md explains the layers.
//
// Adding a domain: put its folder in the layer it belongs to (lowest first). That is all.

/** Lowest first. Each entry is a folder (or a single file) under the repository root. */
const LAYERS = [
  // Words of the product (store sizes, statuses, roles…): plain constants, safe in the browser.
  ["lib/vocabulary"],
  // Schema, the client, the one handle type (db/handle.ts), the store scope and lock.
  ["db"],
  // Foundations every service may use.
  ["lib/errors", "lib/logger.ts", "lib/crypto", "lib/runtime"],
  // Shared services: mail, the job registry and enqueue, the audit log; the sandboxes, which stand
  // in for Shopify and Odoo and know nothing of the product.
  ["lib/mail", "lib/jobs", "lib/audit", "lib/sandbox/shopify", "lib/sandbox/odoo"],
  // Outside systems, clients and protocol only (no store logic); accounts and organizations.
  ["lib/shopify", "lib/odoo", "lib/organizations"],
  // Store lookup and tenancy, credentials, connecting (OAuth orchestration included).
  ["lib/stores"],
  // What Synco keeps per store: the Shopify↔Odoo mapping, the index of Shopify items.
  ["lib/mappings", "lib/shopify-index"],
  // One model for all long work: runs and their events.
  ["lib/operations"],
  // What runs on it, and the read models of the sync pages.
  ["lib/clear", "lib/sync"],
  // Entry points from outside: Shopify's webhooks, the session.
  ["lib/webhooks", "lib/auth"],
  // HTTP (the route wrapper) and the worker wiring (the table of job handlers).
  ["lib/http", "lib/workers"],
  // Pages, route handlers and command-line scripts.
  ["app", "scripts", "instrumentation.ts", "proxy.ts"],
];

// Tests and their helpers wire things together from any layer (a test starts the workers).
const NOT_CHECKED = ["\\.test\\.tsx?$", "(^|/)testing/", "^e2e/"];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const pattern = (folder) => (folder.endsWith(".ts") ? `^${escape(folder)}$` : `^${escape(folder)}/`);

const layerRules = LAYERS.flatMap((layer, index) =>
  layer.map((domain) => {
    const peers = layer.filter((other) => other !== domain);
    const above = LAYERS.slice(index + 1).flat();
    return {
      name: `layers: ${domain}`,
      comment:
        `${domain} may import only its own files and lower layers` +
        (peers.length ? ` — not ${peers.join(", ")} (same layer)` : "") +
        (above.length ? ` nor anything above (${above.join(", ")})` : ""),
      severity: "error",
      from: { path: pattern(domain), pathNot: NOT_CHECKED },
      // Only the top layer (pages) may render components.
      to: { path: [...peers, ...above, ...(index < LAYERS.length - 1 ? ["components"] : [])].map(pattern) },
    };
  }),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    // Issue 16 adds the sandbox boundary here: the product may import only each sandbox's small
    // provisioning module (create, seed), nothing else under lib/sandbox/.
    {
      name: "no-cycle-between-domains",
      comment: "An import cycle that leaves its domain: the domains no longer depend one way.",
      severity: "error",
      from: { path: "^(lib/sandbox/[^/]+|lib/[^/.]+|db|app|components)" },
      to: { circular: true, via: { pathNot: "^$1" } },
    },
    {
      name: "browser-code-stays-off-the-server",
      comment:
        "Components run in the browser: they may reach only client-safe modules (vocabularies, zod schemas, " +
        "contract types), never the database client or anything marked server-only.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: ["^db/client\\.ts$", "server-only"], reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^node_modules", "^\\.next/", "^\\.data/"] },
    tsConfig: { fileName: "tsconfig.json" },
    // Type-only imports count: a type from a higher layer is still a dependency on it.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    reporterOptions: {
      dot: {
        collapsePattern: "^(lib/sandbox/[^/]+|lib/[^/.]+|lib/logger|db|app|components|scripts|e2e)",
      },
    },
  },
};
