import { parseGid } from "../../gid";
import { deleteSandboxMetafields, type MetafieldIdentifierInput } from "../../metafields/delete-sandbox-metafields";
import { setSandboxMetafields } from "../../metafields/set-sandbox-metafields";
import type { MetafieldsSetInput } from "../../metafields/validate-metafields-set-input";
import { accessDenied, hasScope, writeScopeOf } from "../access-scopes";
import type { SandboxContext } from "../context";
import { typed } from "../rows";
import type { ResolverMap } from "./common";

export const metafieldMutationResolvers: ResolverMap = {
  Mutation: {
    metafieldsSet: async (_: unknown, args: { metafields: MetafieldsSetInput[] }, ctx: SandboxContext) => {
      checkOwnerScopes(ctx, "metafieldsSet", args.metafields);
      const result = await setSandboxMetafields({
        shopId: ctx.shop.id,
        appId: ctx.appId,
        inputs: args.metafields,
        ordersSince: ctx.ordersSince,
        db: ctx.db,
      });
      return { metafields: result.metafields.map((row) => typed("Metafield", row)), userErrors: result.userErrors };
    },
    metafieldsDelete: async (_: unknown, args: { metafields: MetafieldIdentifierInput[] }, ctx: SandboxContext) => {
      checkOwnerScopes(ctx, "metafieldsDelete", args.metafields);
      const delete_ = (identifiers: MetafieldIdentifierInput[]) =>
        deleteSandboxMetafields({
          shopId: ctx.shop.id,
          appId: ctx.appId,
          identifiers,
          limit: ctx.shop.metafieldsDeleteLimit,
          db: ctx.db,
        });
      // The shop's limit counts every input, hidden orders' included (the call is refused whole).
      if (!ctx.ordersSince || args.metafields.length > ctx.shop.metafieldsDeleteLimit) return delete_(args.metafields);
      // An order outside the token's 60 days does not exist for it: its identifiers delete nothing.
      const hidden = await Promise.all(
        args.metafields.map(async ({ ownerId }) => {
          const gid = parseGid(ownerId);
          return gid?.type === "Order" && !(await ctx.loaders.order(gid.id));
        }),
      );
      if (!hidden.includes(true)) return delete_(args.metafields);
      const shown = args.metafields.filter((_identifier, index) => !hidden[index]);
      const result = shown.length ? await delete_(shown) : { deletedMetafields: [], userErrors: [] };
      if (result.userErrors.length) return result;
      let next = 0;
      return {
        deletedMetafields: hidden.map((isHidden) => (isHidden ? null : (result.deletedMetafields[next++] ?? null))),
        userErrors: [],
      };
    },
  },
};

// Writing a metafield needs the write scope of its owner's resource: one missing refuses the call.
function checkOwnerScopes(ctx: SandboxContext, fieldName: string, inputs: { ownerId: string }[]) {
  for (const { ownerId } of inputs) {
    const scope = writeScopeOf(parseGid(ownerId)?.type ?? "");
    if (scope && !hasScope(ctx.scopes, scope)) throw accessDenied(fieldName, scope);
  }
}
