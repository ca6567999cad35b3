// What changes between the Odoo versions the sandbox serves (../shared/odoo/API-FACTS.md §0, §9).
// Every version-dependent answer reads one of these flags, so the differences are listed once.
import type { SandboxOdooVersion } from "@/db/schema/sandbox-odoo";

export const SANDBOX_ODOO_VERSIONS = [16, 17, 18, 19] as const satisfies readonly SandboxOdooVersion[];

export type VersionProfile = {
  version: SandboxOdooVersion;
  /** `common.version()` and `/web/webclient/version_info`. */
  info: {
    server_version: string;
    server_version_info: [number, number, number, string, number, string];
    server_serie: string;
    protocol_version: number;
  };
  /** `error.code` of a JSON-RPC error envelope: 200 up to 18, 0 from 19 (PR #183902). */
  jsonRpcErrorCode: number;
  /** External JSON-2 API (`/json/2/<model>/<method>`) and `GET /web/version`: 19. */
  json2: boolean;
  /** `/jsonrpc` and `/xmlrpc` log a deprecation warning per call: 19. */
  rpcDeprecated: boolean;
  /** product.template.detailed_type (16/17) or type consu/service/combo + is_storable (18+). */
  detailedType: boolean;
  /** sale.order.state `done` (16) or the `locked` Boolean (17+). */
  saleOrderLockedField: boolean;
  /** sale.order.line `product_uom_id`/`tax_ids` (19) or `product_uom`/`tax_id` (16–18). */
  saleLineUomField: "product_uom" | "product_uom_id";
  saleLineTaxField: "tax_id" | "tax_ids";
  /** name_search's second argument: `args` (16–18) or `domain` (19). */
  nameSearchDomainArg: "args" | "domain";
  /** name_get: 16 and 17 (deprecated in 17), gone from 18. */
  nameGet: boolean;
  /** res.partner.mobile: up to 18. */
  partnerMobile: boolean;
  /** res.partner.type `private`: 16 only. */
  partnerPrivateType: boolean;
  /** `any` / `not any` domain operators: 17+. */
  anyOperator: boolean;
  /** API keys with an expiration date: 18+. */
  apiKeyExpiry: boolean;
  /** check_access_rights (16–18) and has_access / check_access (18+). */
  checkAccessRights: boolean;
  hasAccess: boolean;
  /** search(count=True): 16 only. */
  searchCountArg: boolean;
  /** sale.advance.payment.inv: `percentage` down payments up to 18. */
  percentageDownPayment: boolean;
};

const info = (major: number): VersionProfile["info"] => ({
  server_version: `${major}.0`,
  server_version_info: [major, 0, 0, "final", 0, ""],
  server_serie: `${major}.0`,
  protocol_version: 1,
});

const PROFILES: Record<SandboxOdooVersion, VersionProfile> = {
  16: {
    version: 16,
    info: info(16),
    jsonRpcErrorCode: 200,
    json2: false,
    rpcDeprecated: false,
    detailedType: true,
    saleOrderLockedField: false,
    saleLineUomField: "product_uom",
    saleLineTaxField: "tax_id",
    nameSearchDomainArg: "args",
    nameGet: true,
    partnerMobile: true,
    partnerPrivateType: true,
    anyOperator: false,
    apiKeyExpiry: false,
    checkAccessRights: true,
    hasAccess: false,
    searchCountArg: true,
    percentageDownPayment: true,
  },
  17: {
    version: 17,
    info: info(17),
    jsonRpcErrorCode: 200,
    json2: false,
    rpcDeprecated: false,
    detailedType: true,
    saleOrderLockedField: true,
    saleLineUomField: "product_uom",
    saleLineTaxField: "tax_id",
    nameSearchDomainArg: "args",
    nameGet: true,
    partnerMobile: true,
    partnerPrivateType: false,
    anyOperator: true,
    apiKeyExpiry: false,
    checkAccessRights: true,
    hasAccess: false,
    searchCountArg: false,
    percentageDownPayment: true,
  },
  18: {
    version: 18,
    info: info(18),
    jsonRpcErrorCode: 200,
    json2: false,
    rpcDeprecated: false,
    detailedType: false,
    saleOrderLockedField: true,
    saleLineUomField: "product_uom",
    saleLineTaxField: "tax_id",
    nameSearchDomainArg: "args",
    nameGet: false,
    partnerMobile: true,
    partnerPrivateType: false,
    anyOperator: true,
    apiKeyExpiry: true,
    checkAccessRights: true,
    hasAccess: true,
    searchCountArg: false,
    percentageDownPayment: true,
  },
  19: {
    version: 19,
    info: info(19),
    jsonRpcErrorCode: 0,
    json2: true,
    rpcDeprecated: true,
    detailedType: false,
    saleOrderLockedField: true,
    saleLineUomField: "product_uom_id",
    saleLineTaxField: "tax_ids",
    nameSearchDomainArg: "domain",
    nameGet: false,
    partnerMobile: false,
    partnerPrivateType: false,
    anyOperator: true,
    apiKeyExpiry: true,
    checkAccessRights: false,
    hasAccess: true,
    searchCountArg: false,
    percentageDownPayment: false,
  },
};

export const versionProfile = (version: SandboxOdooVersion): VersionProfile => PROFILES[version];

export const isSandboxOdooVersion = (value: unknown): value is SandboxOdooVersion =>
  SANDBOX_ODOO_VERSIONS.includes(value as SandboxOdooVersion);
