import { withOrg } from "@/lib/http/handler";
import { addSandboxStore } from "@/lib/stores/add-sandbox-store";
import { ZAddSandboxStoreRequest } from "@/lib/stores/schemas";

// POST /api/stores/sandbox — add a sandbox store of a size (small is ready at once, larger ones seed in the background)
export const POST = withOrg(
  async ({ organizationId, actor, body }) =>
    Response.json(await addSandboxStore({ organizationId, actor, ...body }), { status: 201 }),
  { can: "stores.add", body: ZAddSandboxStoreRequest },
);
