// metafieldDefinitionCreate for the owner types the sandbox has. A definition fixes the type of
// its namespace/key on that owner type: metafieldsSet may then omit `type` and may not change it.
import { sandboxShopifyMetafieldDefinitions, type SandboxMetafieldDefinition } from "@/db/schema/sandbox-shopify";
import { defaultSandboxDb, type SandboxDb } from "../sandbox-db";
import { isOtherAppsNamespace, resolveNamespace } from "./app-namespace";
import { isKnownMetafieldType } from "./metafield-types";
import { FOREIGN_NAMESPACE_MESSAGE, userError, type MetafieldUserError } from "./metafield-user-error";
import { OWNER_TYPES, type OwnerType } from "./owners";

export type MetafieldDefinitionInput = {
  name: string;
  namespace?: string | null;
  key: string;
  type: string;
  ownerType: string;
  description?: string | null;
};

export type CreateMetafieldDefinitionOptions = {
  shopId: number;
  appId: number;
  definition: MetafieldDefinitionInput;
  db?: SandboxDb;
};

export async function createMetafieldDefinition({
  shopId,
  appId,
  definition,
  db = defaultSandboxDb,
}: CreateMetafieldDefinitionOptions): Promise<{
  createdDefinition: SandboxMetafieldDefinition | null;
  userErrors: MetafieldUserError[];
}> {
  const namespace = resolveNamespace(definition.namespace, appId);
  const error = validate(definition, namespace, appId);
  if (error) return { createdDefinition: null, userErrors: [error] };
  const [created] = await db
    .insert(sandboxShopifyMetafieldDefinitions)
    .values({
      shopId,
      ownerType: definition.ownerType,
      namespace,
      key: definition.key,
      name: definition.name.trim(),
      description: definition.description ?? null,
      type: definition.type,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) {
    const message = `Key is in use for ${definition.ownerType} metafields on the '${namespace}' namespace.`;
    return { createdDefinition: null, userErrors: [userError(["definition", "key"], message, "TAKEN")] };
  }
  return { createdDefinition: created, userErrors: [] };
}

// Codes are from MetafieldDefinitionCreateUserErrorCode; the messages are best guesses.
function validate(definition: MetafieldDefinitionInput, namespace: string, appId: number): MetafieldUserError | null {
  const at = (field: string) => ["definition", field];
  if (!definition.name.trim()) return userError(at("name"), "Name can't be blank", "BLANK");
  if (namespace.length < 3)
    return userError(at("namespace"), "Namespace is too short (minimum is 3 characters)", "TOO_SHORT");
  if (namespace.length > 255)
    return userError(at("namespace"), "Namespace is too long (maximum is 255 characters)", "TOO_LONG");
  if (isOtherAppsNamespace(namespace, appId)) return userError(at("namespace"), FOREIGN_NAMESPACE_MESSAGE, "INVALID");
  if (definition.key.length < 2) return userError(at("key"), "Key is too short (minimum is 2 characters)", "TOO_SHORT");
  if (definition.key.length > 64) return userError(at("key"), "Key is too long (maximum is 64 characters)", "TOO_LONG");
  if (!/^[A-Za-z0-9_-]+$/.test(definition.key)) {
    return userError(at("key"), "Key contains one or more invalid characters.", "INVALID_CHARACTER");
  }
  if (!isKnownMetafieldType(definition.type))
    return userError(at("type"), "Type name is not included in the list", "INCLUSION");
  if (!OWNER_TYPES.includes(definition.ownerType as OwnerType)) {
    return userError(at("ownerType"), "Owner type is not supported by this store.", "INCLUSION");
  }
  return null;
}
