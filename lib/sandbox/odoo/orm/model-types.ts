// The sandbox's model registry, shaped like Odoo's: a model has fields (type, label, required,
// relation…) and public methods; the generic ORM (records, domains, read formatting, access
// rights) works from these definitions. Models are built per version, so a field that a version
// does not have is simply absent from its registry (and fields_get, read and write refuse it).
import type { SandboxOdooVersion } from "@/db/schema/sandbox-odoo";
import type { VersionProfile } from "../versions";
import type { OdooDb } from "../odoo-db";

export type FieldType =
  | "char"
  | "text"
  | "html"
  | "integer"
  | "float"
  | "monetary"
  | "boolean"
  | "date"
  | "datetime"
  | "selection"
  | "many2one"
  | "one2many"
  | "many2many";

export type Vals = Record<string, unknown>;

export type FieldDef = {
  type: FieldType;
  string: string;
  required?: boolean;
  readonly?: boolean;
  help?: string;
  relation?: string;
  /** one2many: the many2one on the comodel pointing back. */
  inverseName?: string;
  selection?: [string, string][];
  /** A default when create() leaves the field out. */
  default?: (env: OdooEnv, vals: Vals) => unknown;
  /** Computed on read by the model's `compute` (not stored, not searchable unless `search` is set). */
  computed?: boolean;
  /** Stored computed field: kept up to date by the model's hooks; readonly for clients. */
  storedCompute?: boolean;
  /** Lives on the delegated parent record (`_inherits`, e.g. product.product → product.template). */
  inherited?: boolean;
  /** many2one: what deleting the target does. */
  ondelete?: "cascade" | "restrict" | "set null";
  /** Search a computed field as this stored one (e.g. display_name → name). */
  searchAs?: string;
  translate?: boolean;
};

export type MethodParam = { name: string; required?: boolean; default?: unknown };

export type MethodDef = {
  /** `model` methods take no ids (@api.model); `records` methods act on ids. */
  api: "model" | "records";
  params: MethodParam[];
  /** The ACL operation the method needs on its model. */
  access?: "read" | "write" | "create" | "unlink";
  run: (env: OdooEnv, model: ModelDef, ids: number[], kwargs: Record<string, unknown>) => Promise<unknown>;
};

export type ModelDef = {
  name: string;
  description: string;
  /** Default `order` of search. */
  order: string;
  /** The field display names are made from (`_rec_name`). */
  recName: string;
  transient?: boolean;
  /** `_inherits`: fields marked `inherited` live on this parent through this many2one. */
  inherits?: { model: string; field: string };
  fields: Record<string, FieldDef>;
  methods: Record<string, MethodDef>;
  /** Values of `computed` fields for these records (stored values given). */
  compute?: (env: OdooEnv, records: { id: number; vals: Vals }[], fields: string[]) => Promise<void>;
  /** display_name of each record. */
  displayName?: (env: OdooEnv, records: { id: number; vals: Vals }[]) => Promise<Map<number, string>>;
  /** Checks and derived values before rows are written; may throw ValidationError/UserError. */
  prepareCreate?: (env: OdooEnv, vals: Vals) => Promise<void>;
  afterCreate?: (env: OdooEnv, ids: number[], valsList: Vals[]) => Promise<void>;
  prepareWrite?: (env: OdooEnv, ids: number[], vals: Vals) => Promise<void>;
  afterWrite?: (env: OdooEnv, ids: number[], vals: Vals) => Promise<void>;
  beforeUnlink?: (env: OdooEnv, ids: number[]) => Promise<void>;
  /** Python constraints (`@api.constrains`) run after create and write. */
  constrain?: (env: OdooEnv, ids: number[]) => Promise<void>;
};

export type Registry = { version: SandboxOdooVersion; models: Map<string, ModelDef> };

export type OdooEnv = {
  /** The call's transaction. */
  tx: OdooDb;
  /** Where id sequences are taken: the call's transaction (seeding may pass another handle). */
  pool: OdooDb;
  databaseId: number;
  databaseName: string;
  profile: VersionProfile;
  registry: Registry;
  uid: number;
  groups: ReadonlySet<string>;
  context: Record<string, unknown>;
  /** Superuser mode: no access checks (seeding, and what Odoo itself does with sudo()). */
  su: boolean;
  now: Date;
};
