// The models a sandbox Odoo of each version serves, built once per version.
import type { SandboxOdooVersion } from "@/db/schema/sandbox-odoo";
import { versionProfile } from "../versions";
import type { Registry } from "./model-types";
import { accountModels } from "./models/account";
import { baseModels } from "./models/base-models";
import { productModels } from "./models/product";
import { partnerModel } from "./models/res-partner";
import { saleModels } from "./models/sale";

const registries = new Map<SandboxOdooVersion, Registry>();

export function registryFor(version: SandboxOdooVersion): Registry {
  let registry = registries.get(version);
  if (!registry) {
    const p = versionProfile(version);
    const models = [...baseModels(p), partnerModel(p), ...productModels(p), ...saleModels(p), ...accountModels(p)];
    registry = { version, models: new Map(models.map((model) => [model.name, model])) };
    registries.set(version, registry);
  }
  return registry;
}
