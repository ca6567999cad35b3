// The errors the Shopify client raises, one class per thing a caller reacts to differently:
// reconnect the store (auth), mark it gone, slow down (throttled), try again later (transport),
// fix the document (GraphQL) or report the rejected input (user errors). Messages name the shop,
// never the access token.

export type ShopifyGraphQLErrorDetail = {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
};

export type ShopifyUserError = { field?: string[] | null; message: string; code?: string | null };

type Options = { shopDomain: string; cause?: unknown };

export class ShopifyError extends Error {
  readonly shopDomain: string | undefined;
  constructor(message: string, { shopDomain, cause }: { shopDomain?: string; cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.shopDomain = shopDomain;
  }
}

/** 401/403: the token was revoked, expired or the app was uninstalled — the store must be reconnected. */
export class ShopifyAuthError extends ShopifyError {
  constructor(
    readonly status: number,
    options: Options,
  ) {
    super(`Shopify refused the access token for ${options.shopDomain} (HTTP ${status}): reconnect the store`, options);
  }
}

/** 404 on the shop, 402 payment required or 423 locked: the store cannot be used any more. */
export class ShopifyStoreGoneError extends ShopifyError {
  constructor(
    readonly status: number,
    options: Options,
  ) {
    const why = status === 402 ? "is frozen for non-payment" : status === 423 ? "is locked" : "was not found";
    super(`Shopify store ${options.shopDomain} ${why} (HTTP ${status})`, options);
  }
}

/** Still throttled when the deadline or the retry budget ran out. */
export class ShopifyThrottledError extends ShopifyError {
  constructor(
    message: string,
    readonly attempts: number,
    options: Options,
  ) {
    super(message, options);
  }
}

/** Network failures, timeouts and 5xx answers that outlasted the retries; `cause` keeps the last one. */
export class ShopifyTransportError extends ShopifyError {
  constructor(
    message: string,
    readonly attempts: number,
    readonly status: number | undefined,
    options: Options,
  ) {
    super(message, options);
  }
}

/** Top-level GraphQL errors other than throttling, with Shopify's own messages; `data` is any partial result. */
export class ShopifyGraphQLError extends ShopifyError {
  constructor(
    readonly errors: ShopifyGraphQLErrorDetail[],
    readonly data: unknown,
    options: Options,
  ) {
    super(
      `Shopify rejected the request for ${options.shopDomain}: ${errors.map(describeGraphQLError).join("; ")}`,
      options,
    );
  }
}

/** A mutation answered with `userErrors`: nothing was wrong with the request, Shopify refused the input. */
export class ShopifyUserErrors extends ShopifyError {
  constructor(
    readonly path: string,
    readonly userErrors: ShopifyUserError[],
    options: { shopDomain?: string } = {},
  ) {
    const where = options.shopDomain ? ` on ${options.shopDomain}` : "";
    super(`${path}${where} returned user errors: ${userErrors.map(describeUserError).join("; ")}`, options);
  }
}

function describeGraphQLError(error: ShopifyGraphQLErrorDetail): string {
  const code = typeof error.extensions?.code === "string" ? ` [${error.extensions.code}]` : "";
  return `${error.message}${code}`;
}

function describeUserError(error: ShopifyUserError): string {
  const field = error.field?.length ? `${error.field.join(".")}: ` : "";
  const code = error.code ? ` [${error.code}]` : "";
  return `${field}${error.message}${code}`;
}
