import type { Store } from "@/db/schema/stores";
import { checkGrantedScopes } from "./check-granted-scopes";
import type { TStoreResponse } from "./schemas";
import { storeView } from "./store-view";

/** One store as the browser sees it, its scope check applied. */
export async function getStoreView({ store }: { store: Store }): Promise<TStoreResponse> {
  const [checked] = await checkGrantedScopes([store]);
  return { store: await storeView(checked!) };
}
