// Runs one GraphQL request against a sandbox shop as an authenticated app, the way Shopify does:
// parse and validate, price the query, refuse it above the single-query limit, take the price
// from the app's leaky bucket (THROTTLED when short), refuse input lists over 250 items, execute,
// then refund what was not used.
// The HTTP handler calls this; so can other in-process callers (e.g. bulk operations), which may
// switch the throttle off. The bucket lives in the store the server chose (cost/bucket-store.ts).
import {
  execute,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { SandboxAppInstallation, SandboxShop } from "@/db/schema/sandbox-shopify";
import { actualQueryCost, requestedQueryCost, type CostInput } from "./cost/calculate-query-cost";
import type { SandboxBucketStore, ThrottleStatus } from "./cost/bucket-store";
import { postgresBucketStore } from "./cost/postgres-bucket-store";
import { sandboxSchema } from "./graphql/build-sandbox-schema";
import { createSandboxContext } from "./graphql/context";
import { parseErrorBody, validationErrorBody, variableErrorBody, type ErrorBody } from "./graphql/format-errors";
import { MAX_SINGLE_QUERY_COST, throttleLimits } from "./plans";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";

export type SandboxGraphqlRequest = {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
};

export type SandboxGraphqlResponse = {
  errors?: ErrorBody[];
  data?: Record<string, unknown> | null;
  extensions?: {
    cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: ThrottleStatus };
    search?: unknown[];
  };
};

export type ExecuteSandboxGraphqlOptions = {
  shop: SandboxShop;
  installation: SandboxAppInstallation;
  request: SandboxGraphqlRequest;
  db?: SandboxDb;
  /** Origin the client reached the sandbox at; result and upload URLs are built on it. */
  publicUrl?: string;
  /** A throttle storm: every priced request is THROTTLED until then (see faults/). */
  throttledUntil?: Date | null;
  /** Where the app's leaky bucket lives; defaults to PostgreSQL, shared by every process on `db`. */
  buckets?: SandboxBucketStore;
};

export async function executeSandboxGraphql({
  shop,
  installation,
  request,
  db = defaultSandboxDb,
  publicUrl = "http://localhost",
  throttledUntil,
  buckets = postgresBucketStore(db),
}: ExecuteSandboxGraphqlOptions): Promise<SandboxGraphqlResponse> {
  const schema = sandboxSchema();
  const checked = checkDocument(request.query);
  if ("errors" in checked) return { errors: checked.errors };
  const { document } = checked;
  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation || operation.operation === "subscription") {
    const message = request.operationName
      ? `No operation named "${request.operationName}"`
      : "An operation name is required";
    return { errors: [{ message, extensions: { code: "OPERATION_NOT_FOUND" } }] };
  }
  const variables = request.variables ?? {};
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return { errors: coerced.errors.map((error) => variableErrorBody(error, operation, variables)) };

  const fragments = fragmentsOf(document);
  const costInput: CostInput = { schema, operation, fragments, variables: coerced.coerced };
  const requested = requestedCost(costInput);
  const limits = throttleLimits(shop);
  // During a storm the bucket reads empty; once it is over, the bucket refills from empty.
  const storming = !!throttledUntil && throttledUntil.getTime() > Date.now();
  const empty = { ...full(limits), currentlyAvailable: 0 };
  const bucket = { installationId: installation.id, limits, stormEndedAt: storming ? null : throttledUntil };
  const cost = (actual: number | null, throttleStatus: ThrottleStatus) => ({
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus },
  });

  if (requested > MAX_SINGLE_QUERY_COST) {
    const status = !shop.throttleEnabled ? full(limits) : storming ? empty : await buckets.read(bucket);
    return { errors: [maxCostExceeded(requested)], extensions: cost(null, status) };
  }
  if (storming) return { errors: [THROTTLED], extensions: cost(null, empty) };
  let status = full(limits);
  if (shop.throttleEnabled) {
    const taken = await buckets.take({ ...bucket, cost: requested });
    if (!taken.granted) return { errors: [THROTTLED], extensions: cost(null, taken.status) };
    status = taken.status;
  }
  // Refused after pricing: the requested cost stays taken and nothing is refunded.
  const tooLarge = inputSizeErrors(costInput);
  if (tooLarge.length) return { errors: tooLarge, extensions: cost(null, status) };

  const context = createSandboxContext({ db, shop, installation, publicUrl });
  const result = await execute({
    schema,
    document,
    operationName: operation.name?.value,
    variableValues: variables,
    contextValue: context,
  });
  const actual = Math.min(requested, actualQueryCost({ ...costInput, data: result.data }));
  if (shop.throttleEnabled && actual < requested)
    status = await buckets.refund({ ...bucket, points: requested - actual });

  return {
    ...(result.errors?.length ? { errors: result.errors.map((error) => error.toJSON() as ErrorBody) } : {}),
    data: (result.data as Record<string, unknown> | null | undefined) ?? null,
    extensions: {
      ...cost(actual, status),
      ...(context.searchWarnings.length ? { search: context.searchWarnings } : {}),
    },
  };
}

// Clients send the same few documents over and over: parse and validate each once.
const checkedDocuments = new Map<string, { document: DocumentNode } | { errors: ErrorBody[] }>();
const CHECKED_DOCUMENTS_KEPT = 500;

function checkDocument(query: string): { document: DocumentNode } | { errors: ErrorBody[] } {
  let checked = checkedDocuments.get(query);
  if (!checked) {
    try {
      const document = parse(query);
      const invalid = validate(sandboxSchema(), document);
      checked = invalid.length ? { errors: invalid.map(validationErrorBody) } : { document };
    } catch (error) {
      checked = { errors: [parseErrorBody(error as GraphQLError, query)] };
    }
    if (checkedDocuments.size >= CHECKED_DOCUMENTS_KEPT) checkedDocuments.delete(checkedDocuments.keys().next().value!);
    checkedDocuments.set(query, checked);
  }
  return checked;
}

const fragmentMaps = new WeakMap<DocumentNode, Record<string, FragmentDefinitionNode>>();

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  let fragments = fragmentMaps.get(document);
  if (!fragments) {
    fragments = Object.fromEntries(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    fragmentMaps.set(document, fragments);
  }
  return fragments;
}

// An operation without variables always asks the same price: compute it once per parsed document.
const fixedCosts = new WeakMap<OperationDefinitionNode, number>();

function requestedCost(input: CostInput): number {
  if (input.operation.variableDefinitions?.length) return requestedQueryCost(input);
  let cost = fixedCosts.get(input.operation);
  if (cost === undefined) fixedCosts.set(input.operation, (cost = requestedQueryCost(input)));
  return cost;
}

const full = (limits: ReturnType<typeof throttleLimits>): ThrottleStatus => ({
  maximumAvailable: limits.maximumAvailable,
  currentlyAvailable: limits.maximumAvailable,
  restoreRate: limits.restoreRate,
});

const THROTTLED: ErrorBody = {
  message: "Throttled",
  extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
};

function maxCostExceeded(cost: number): ErrorBody {
  return {
    message:
      `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).\n\n` +
      "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n" +
      "cost of a query is calculated.\n\n" +
      "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
      "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n",
    extensions: {
      code: "MAX_COST_EXCEEDED",
      cost,
      maxCost: MAX_SINGLE_QUERY_COST,
      documentation: "https://shopify.dev/api/usage/rate-limits",
    },
  };
}

// Shopify refuses any input list longer than 250 items (changelog, API 2020-01): a list argument
// (`nodes(ids:)`) or a list inside an input object (`product: { tags }`). Captured from the real
// API (2026-04, fileCreate with 251 files): HTTP 200, one error with the field's location, the
// path response key → argument (→ input fields), code MAX_INPUT_SIZE_EXCEEDED, no `data`, and
// `extensions.cost` with the requested cost taken and `actualQueryCost: null`.
const MAX_INPUT_LIST_SIZE = 250;

type SizeWalk = CostInput & { errors: ErrorBody[]; seen: Set<string> };

/** One MAX_INPUT_SIZE_EXCEEDED error per input list over the limit, in document order. */
function inputSizeErrors(input: CostInput): ErrorBody[] {
  const walk: SizeWalk = { ...input, errors: [], seen: new Set() };
  const root = input.operation.operation === "mutation" ? input.schema.getMutationType() : input.schema.getQueryType();
  if (root) visitSelections(walk, root.name, input.operation.selectionSet, []);
  return walk.errors;
}

function visitSelections(walk: SizeWalk, typeName: string, selectionSet: SelectionSetNode, path: string[]) {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      visitField(walk, typeName, selection, path);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      visitSelections(walk, selection.typeCondition?.name.value ?? typeName, selection.selectionSet, path);
    } else {
      const fragment = walk.fragments[selection.name.value];
      const key = `${path.join(".")}/${selection.name.value}`;
      if (!fragment || walk.seen.has(key)) continue;
      walk.seen.add(key);
      visitSelections(walk, fragment.typeCondition.name.value, fragment.selectionSet, path);
    }
  }
}

function visitField(walk: SizeWalk, typeName: string, node: FieldNode, parentPath: string[]) {
  const type = walk.schema.getType(typeName);
  if (!isObjectType(type) && !isInterfaceType(type)) return;
  const field = type.getFields()[node.name.value];
  if (!field) return;
  const path = [...parentPath, node.alias?.value ?? node.name.value];
  const values = getArgumentValues(field, node, walk.variables);
  for (const argument of field.args)
    checkInputSize(walk, node, argument.type, values[argument.name], [...path, argument.name]);
  if (node.selectionSet) visitSelections(walk, getNamedType(field.type).name, node.selectionSet, path);
}

function checkInputSize(
  walk: SizeWalk,
  node: FieldNode,
  type: GraphQLInputType,
  value: unknown,
  path: (string | number)[],
) {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    if (value.length > MAX_INPUT_LIST_SIZE) {
      const message = `The input array size of ${value.length} is greater than the maximum allowed of ${MAX_INPUT_LIST_SIZE}.`;
      walk.errors.push(
        new GraphQLError(message, {
          nodes: node,
          path,
          extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" },
        }).toJSON() as ErrorBody,
      );
    }
    value.forEach((item, index) => checkInputSize(walk, node, nullable.ofType, item, [...path, index]));
  } else if (isInputObjectType(nullable) && typeof value === "object") {
    for (const [name, inputField] of Object.entries(nullable.getFields())) {
      checkInputSize(walk, node, inputField.type, (value as Record<string, unknown>)[name], [...path, name]);
    }
  }
}
