// Resource mutations are all-or-nothing: a user error anywhere (the resource or its `metafields`
// input) rolls back everything the mutation wrote.
import type { SandboxDb } from "../../sandbox-db";
import { setSandboxMetafields } from "../../metafields/set-sandbox-metafields";
import type { SandboxContext } from "../context";

export type PayloadUserError = { field: string[] | null; message: string; code?: string | null };

class UserErrorsAbort extends Error {
  constructor(readonly userErrors: PayloadUserError[]) {
    super("mutation rolled back on user errors");
  }
}

/** Runs `work` in a transaction; `fail(errors)` inside it rolls back and yields those errors. */
export async function inMutation<T>(
  ctx: SandboxContext,
  work: (tx: SandboxDb, fail: (errors: PayloadUserError[]) => never) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; userErrors: PayloadUserError[] }> {
  try {
    const value = await ctx.db.transaction((tx) =>
      work(tx, (errors) => {
        throw new UserErrorsAbort(errors);
      }),
    );
    return { ok: true, value };
  } catch (error) {
    if (error instanceof UserErrorsAbort) return { ok: false, userErrors: error.userErrors };
    throw error;
  }
}

export type MetafieldInput = {
  id?: string | null;
  namespace?: string | null;
  key?: string | null;
  type?: string | null;
  value?: string | null;
};

/** Applies a resource input's `metafields` to its owner; errors name the input path under `path`, e.g. ["order", "metafields", "0", "value"]. */
export async function applyInputMetafields(
  tx: SandboxDb,
  ctx: SandboxContext,
  ownerId: string,
  metafields: MetafieldInput[] | null | undefined,
  path: string[],
): Promise<PayloadUserError[]> {
  if (!metafields?.length) return [];
  const result = await setSandboxMetafields({
    shopId: ctx.shop.id,
    appId: ctx.appId,
    ordersSince: ctx.ordersSince,
    db: tx,
    inputs: metafields.map((input) => ({
      ownerId,
      namespace: input.namespace,
      key: input.key ?? "",
      type: input.type,
      value: input.value ?? "",
    })),
  });
  return result.userErrors.map((error) => ({
    field: error.field ? [...path, ...error.field] : path,
    message: error.message,
  }));
}

export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
