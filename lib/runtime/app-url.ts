/** The public origin of the app, e.g. http://localhost:3000. */
export function appUrl(): string {
  return (process.env.SYNCO_APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}
