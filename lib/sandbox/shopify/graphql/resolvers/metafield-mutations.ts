import { deleteSandboxMetafields, type MetafieldIdentifierInput } from "../../metafields/delete-sandbox-metafields";
import { setSandboxMetafields } from "../../metafields/set-sandbox-metafields";
import type { MetafieldsSetInput } from "../../metafields/validate-metafields-set-input";
import type { SandboxContext } from "../context";
import { typed } from "../rows";
import type { ResolverMap } from "./common";

export const metafieldMutationResolvers: ResolverMap = {
  Mutation: {
    metafieldsSet: async (_: unknown, args: { metafields: MetafieldsSetInput[] }, ctx: SandboxContext) => {
      const result = await setSandboxMetafields({
        shopId: ctx.shop.id,
        appId: ctx.appId,
        inputs: args.metafields,
        db: ctx.db,
      });
      return { metafields: result.metafields.map((row) => typed("Metafield", row)), userErrors: result.userErrors };
    },
    metafieldsDelete: (_: unknown, args: { metafields: MetafieldIdentifierInput[] }, ctx: SandboxContext) =>
      deleteSandboxMetafields({
        shopId: ctx.shop.id,
        appId: ctx.appId,
        identifiers: args.metafields,
        limit: ctx.shop.metafieldsDeleteLimit,
        db: ctx.db,
      }),
  },
};
