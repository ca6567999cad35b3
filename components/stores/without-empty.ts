/** The fields the user filled in: an empty optional field is left out rather than sent as "". */
export const withoutEmpty = <F extends string>(values: Record<F, string>): Record<string, string> =>
  Object.fromEntries(Object.entries<string>(values).filter(([, value]) => value.trim() !== ""));
