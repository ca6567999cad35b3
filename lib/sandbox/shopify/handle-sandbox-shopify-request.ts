// The sandbox's HTTP surface, framework-free (a fetch Request in, a Response out) so the Next
// route and the standalone server share it:
//   POST …/admin/api/{version}/graphql.json   the Admin GraphQL API; the shop is the path segment
//                                             before /admin (…/api/sandbox/shopify/{shop}/admin/…)
//                                             or, for /admin/… directly, the Host header
//   POST …/staged-uploads                     multipart uploads for stagedUploadsCreate targets
//   GET  …/files/{key}/{name}                 bulk operation results (the URL is the credential)
//   GET|POST|DELETE …/{shop}/sandbox/faults   the shop's faults (the shop's access token)
// The first request also starts this process's background workers (bulk operations, webhooks).
// Leaky buckets live in PostgreSQL unless the caller passes another store: the app's route runs
// in any number of instances on one database, and they must share each bucket.
import type { SandboxBucketStore } from "./cost/bucket-store";
import { postgresBucketStore } from "./cost/postgres-bucket-store";
import { handleFaultsRequest } from "./faults/handle-faults-request";
import { serveSandboxFile } from "./files/serve-sandbox-file";
import { handleGraphqlRequest } from "./handle-graphql-request";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";
import { jsonResponse } from "./sandbox-responses";
import { receiveStagedUpload } from "./staged-uploads/receive-staged-upload";
import { ensureSandboxWorkers } from "./workers/sandbox-workers";

const GRAPHQL_PATH = /^(.*)\/admin\/api\/([^/]+)\/graphql\.json$/;
const UPLOAD_PATH = /(^|\/)staged-uploads$/;
const FILE_PATH = /(?:^|\/)files\/([0-9a-f]{40})\/([^/]+)$/;
const FAULTS_PATH = /^(.*)\/sandbox\/faults$/;

export type HandleSandboxShopifyRequestOptions = {
  db?: SandboxDb;
  /** Origin clients reach this server at; defaults to SANDBOX_SHOPIFY_PUBLIC_URL, else the request's origin. */
  publicUrl?: string;
  /** Where leaky buckets live: PostgreSQL by default; a store private to this process only where it is the sole server. */
  buckets?: SandboxBucketStore;
};

export async function handleSandboxShopifyRequest(
  req: Request,
  { db = defaultSandboxDb, publicUrl, buckets = postgresBucketStore(db) }: HandleSandboxShopifyRequestOptions = {},
): Promise<Response> {
  ensureSandboxWorkers({ db });
  const url = new URL(req.url);
  const origin = publicUrl ?? process.env.SANDBOX_SHOPIFY_PUBLIC_URL ?? url.origin;
  const graphql = GRAPHQL_PATH.exec(url.pathname);
  if (graphql)
    return handleGraphqlRequest(req, {
      db,
      prefix: graphql[1] ?? "",
      version: graphql[2] ?? "",
      publicUrl: origin,
      buckets,
    });
  if (UPLOAD_PATH.test(url.pathname)) return receiveStagedUpload(req, { db });
  const file = FILE_PATH.exec(url.pathname);
  if (file) return serveSandboxFile(req, { db, key: file[1]!, filename: file[2]! });
  const faults = FAULTS_PATH.exec(url.pathname);
  if (faults) return handleFaultsRequest(req, { db, prefix: faults[1] ?? "" });
  return jsonResponse(404, { errors: "Not Found" });
}
