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
  ["lib/clear", "lib/sync", "lib/odoo-sync", "lib/restore"],
  // Entry points from outside: Shopify's webhooks, the session.
  ["lib/webhooks", "lib/auth"],
  // HTTP (the route wrapper) and the worker wiring (the table of job handlers).
  ["lib/http", "lib/workers"],
  // Pages, route handlers and command-line scripts.
  ["app", "scripts", "instrumentation.ts", "proxy.ts"],
];

// Tests and their helpers wire things together from any layer (a test starts the workers).
const NOT_CHECKED = ["\\.test\\.tsx?$", "(^|/)testing/", "^e2e/"];
// The sandboxes' own command-line entry points: their standalone servers and benchmarks.
const SANDBOX_SCRIPTS = ["^scripts/sandbox-[^/]+\\.ts$", "^scripts/bench-(sandbox|odoo|odoo-seed)\\.ts$"];

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
    // The sandboxes stand in for Shopify and Odoo: the product reaches a sandbox only through its
    // provisioning module (create, seed, sizes, the HTTP mount) and then through the API, as it
    // reaches a real store; a sandbox knows nothing of the product. Either could then become its
    // own package by changing that one module. Tests, test helpers and the sandboxes' own scripts
    // (their servers and benchmarks) may reach inside.
    {
      name: "sandbox-boundary: the product uses only provisioning",
      comment:
        "Outside the sandbox, import lib/sandbox/<name>/provisioning.ts only: read a sandbox store through " +
        "the Admin API, never its tables (db/schema/sandbox-*) or internals.",
      severity: "error",
      // db/client.ts and db/handle.ts type the one database handle over every table.
      from: {
        pathNot: ["^lib/sandbox/", "^db/schema/", "^db/(client|handle)\\.ts$", ...NOT_CHECKED, ...SANDBOX_SCRIPTS],
      },
      // The sandboxes' tables too, and the schema barrel that holds them (drizzle-kit's entry).
      to: {
        path: ["^lib/sandbox/", "^db/schema/sandbox-", "^db/schema/index\\.ts$"],
        pathNot: "^lib/sandbox/[^/]+/provisioning\\.ts$",
      },
    },
    {
      name: "sandbox-boundary: the sandbox knows nothing of the product",
      comment:
        "A sandbox imports its own files and its own tables (db/schema/sandbox-<name>*.ts) only; its " +
        "*-db.ts module is the one seam to the shared database handle.",
      severity: "error",
      from: { path: "^lib/sandbox/([^/]+)/", pathNot: [...NOT_CHECKED, "^lib/sandbox/[^/]+/[^/]+-db\\.ts$"] },
      to: {
        path: "^(app|components|scripts|lib|db)/",
        pathNot: ["^lib/sandbox/$1/", "^db/schema/sandbox-$1[^/]*\\.ts$"],
      },
    },
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
