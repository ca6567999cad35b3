// At most N calls in flight per Odoo connection (server, database, login) in this process, shared
// by every client of that connection, first come first served. Odoo documents no rate limit;
// a few parallel calls per database is what integrators run (API-FACTS.md §6).

type Limit = { active: number; max: number; queue: (() => void)[] };
const limits = new Map<string, Limit>();

export async function withConnectionSlot<T>(key: string, max: number, run: () => Promise<T>): Promise<T> {
  let limit = limits.get(key);
  if (!limit) limits.set(key, (limit = { active: 0, max, queue: [] }));
  limit.max = max;
  if (limit.active >= limit.max) await new Promise<void>((resolve) => limit!.queue.push(resolve));
  else limit.active++;
  try {
    return await run();
  } finally {
    const next = limit.queue.shift();
    if (next) next();
    else limit.active--;
  }
}
