// Request schemas and answer shapes of the store routes. No server imports here: forms use them too.
import { z } from "zod";
import { ZDisplayName } from "@/lib/vocabulary/text";
import type { OperationStatus } from "@/lib/vocabulary/operations";
import {
  SANDBOX_SCOPES,
  SANDBOX_SIZES,
  type ConnectionMethod,
  type SandboxSize,
  type SeedStatus,
  type StoreKind,
  type StoreStatus,
} from "@/lib/vocabulary/stores";
import { listWords } from "@/lib/vocabulary/words";

export const DEFAULT_METAFIELD_NAMESPACE = "synco";

const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** `name`, `name.myshopify.com` or `https://name.myshopify.com/…` → `name.myshopify.com`; anything else fails. */
export const ZShopDomain = z
  .string({ error: "shop is required" })
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^https?:\/\//, "").replace(/\/.*$/, ""))
  .transform((value) => (value.includes(".") ? value : `${value}.myshopify.com`))
  .refine(
    (value) => MYSHOPIFY_DOMAIN.test(value) && value.length <= 255,
    "must be a *.myshopify.com shop domain, e.g. my-store.myshopify.com",
  );

export const ZStoreName = ZDisplayName({ label: "name", max: 100 });

// Shopify: 3–255 characters, letters, digits, `-` and `_`; a few namespaces are Shopify's own.
const RESERVED_NAMESPACES = new Set(["shopify_standard", "protected", "shopify-l10n-fields"]);
export const ZMetafieldNamespace = z
  .string({ error: "metafieldNamespace is required" })
  .trim()
  .min(3, "metafieldNamespace must be 3 to 255 characters")
  .max(255, "metafieldNamespace must be 3 to 255 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "metafieldNamespace may contain only letters, digits, '-' and '_'")
  .refine(
    (value) => !RESERVED_NAMESPACES.has(value) && !value.startsWith("app--"),
    "metafieldNamespace is reserved by Shopify",
  );

export const ZAddSandboxStoreRequest = z.object({
  size: z.enum(SANDBOX_SIZES, { error: `size must be ${listWords(SANDBOX_SIZES, "or")}` }),
  name: ZStoreName.optional(),
  /** The access scopes the sandbox grants the store's token (default: every one of SANDBOX_SCOPES). */
  scopes: z
    .array(z.enum(SANDBOX_SCOPES, { error: `scopes may hold only ${listWords(SANDBOX_SCOPES, "and")}` }), {
      error: "scopes must be a list of access scopes",
    })
    .min(1, "scopes must name at least one access scope")
    .optional(),
  /** The version of the store's sandbox Odoo (default 19). */
  odooVersion: z
    .union([z.literal(16), z.literal(17), z.literal(18), z.literal(19)], {
      error: "odooVersion must be 16, 17, 18 or 19",
    })
    .default(19),
});
export type TAddSandboxStoreRequest = z.infer<typeof ZAddSandboxStoreRequest>;
export type TAddSandboxStoreInput = z.input<typeof ZAddSandboxStoreRequest>;

const ZAccessToken = z
  .string({ error: "accessToken is required" })
  .trim()
  .min(1, "accessToken is required")
  .max(512, "accessToken is too long");
/** The custom app's API secret key: Shopify signs the app's webhooks with it. */
const ZApiSecret = z.string().trim().min(1, "apiSecret must not be empty").max(256, "apiSecret is too long");

export const ZConnectByTokenRequest = z.object({
  shop: ZShopDomain,
  accessToken: ZAccessToken,
  apiSecret: ZApiSecret.optional(),
  name: ZStoreName.optional(),
});
export type TConnectByTokenRequest = z.infer<typeof ZConnectByTokenRequest>;

/** A new token for a store connected by token; without `apiSecret` the one on record is kept. */
export const ZReplaceStoreTokenRequest = z.object({ accessToken: ZAccessToken, apiSecret: ZApiSecret.optional() });
export type TReplaceStoreTokenRequest = z.infer<typeof ZReplaceStoreTokenRequest>;

export const ZStartOauthRequest = z.object({ shop: ZShopDomain });
export type TStartOauthRequest = z.infer<typeof ZStartOauthRequest>;

export const ZUpdateStoreRequest = z
  .object({ name: ZStoreName.optional(), metafieldNamespace: ZMetafieldNamespace.optional() })
  .refine(
    (value) => value.name !== undefined || value.metafieldNamespace !== undefined,
    "send name or metafieldNamespace",
  );
export type TUpdateStoreRequest = z.infer<typeof ZUpdateStoreRequest>;

/** PUT /api/stores/:storeId/auto-sync — automatic sync from Shopify's webhooks on or off. */
export const ZAutoSyncRequest = z.object({ enabled: z.boolean({ error: "enabled must be true or false" }) });
export type TAutoSyncRequest = z.infer<typeof ZAutoSyncRequest>;

/** The state of a store's latest refresh from Shopify ("never": none yet) and how many items failed to sync. */
export type TStoreSyncHealth = {
  refresh: OperationStatus | "never";
  refreshError: string | null;
  failed: number;
};

/** What the API tells the browser about a store — never credentials. */
export type TStoreView = {
  id: string;
  organizationId: string;
  kind: StoreKind;
  /** How Synco got its access: a sandbox store, Shopify's OAuth, or a custom app's token pasted in. */
  connectionMethod: ConnectionMethod;
  shopDomain: string;
  name: string;
  apiVersion: string;
  metafieldNamespace: string;
  status: StoreStatus;
  sandboxSize: SandboxSize | null;
  seedStatus: SeedStatus | null;
  /** How its sync stands, for the stores list: the last refresh from Shopify and the failed mappings. */
  sync: TStoreSyncHealth;
  syncPaused: boolean;
  /** Product, customer and order webhooks queue a sync of their item to Odoo. */
  autoSync: boolean;
  connectedAt: string | null;
  disconnectedAt: string | null;
  lastActivityAt: string | null;
  createdAt: string;
};

/** GET /api/stores — every store of the active organization. */
export type TListStoresResponse = { stores: TStoreView[] };
/** GET and PATCH /api/stores/:storeId, POST /api/stores/sandbox (201). */
export type TStoreResponse = { store: TStoreView };
/** Whether Synco's webhook subscriptions are in place, and the topics it had to create. */
export type TWebhookSubscriptionOutcome = { subscribed: boolean; created: string[] };
/** POST /api/stores/token (201), PUT /api/stores/:storeId/token — the token was checked with Shopify first. */
export type TConnectedStoreResponse = { store: TStoreView; webhooks: TWebhookSubscriptionOutcome };
/** POST /api/stores/:storeId/disconnect — `changed: false` when it was already disconnected. */
export type TDisconnectStoreResponse = { store: TStoreView; changed: boolean };
/** POST /api/shopify/oauth/start, POST /api/stores/:storeId/reauthorize — where to send the browser. */
export type TStartOauthResponse = { authorizeUrl: string };
