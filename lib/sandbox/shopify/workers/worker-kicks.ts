// Lets code that just queued work wake this process's workers without importing them (the
// workers import the services that queue work). Without running workers a kick does nothing;
// the work waits for whichever process polls next.
type Kick = () => void;

const kicks: { bulk: Kick; webhooks: Kick } = { bulk: () => {}, webhooks: () => {} };

export function setWorkerKicks(next: Partial<typeof kicks>): void {
  Object.assign(kicks, next);
}

export const kickBulkRunner = (): void => kicks.bulk();
export const kickWebhookDeliverer = (): void => kicks.webhooks();
