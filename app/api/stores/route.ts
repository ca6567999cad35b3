import { withOrg } from "@/lib/http/handler";
import { listStores } from "@/lib/stores/list-stores";
import type { TListStoresResponse } from "@/lib/stores/schemas";

// GET /api/stores — every store of the active organization (never credentials)
export const GET = withOrg(
  async ({ organizationId }) => ({ stores: await listStores({ organizationId }) }) satisfies TListStoresResponse,
);
