import { upsertMappings, type MappingInput, type UpsertMappingsOptions } from "./upsert-mappings";

/** Writes one item's mapping (see upsertMappings) — e.g. after syncing it to Odoo. */
export async function upsertMapping({
  mapping,
  ...options
}: Omit<UpsertMappingsOptions, "mappings"> & { mapping: MappingInput }) {
  return upsertMappings({ ...options, mappings: [mapping] });
}
