/** Postgres unique violation: a concurrent writer took the email or handle first. */
export const isUniqueViolation = (error: unknown): boolean => {
  const found = error as { code?: string; cause?: { code?: string } } | null;
  return found?.code === "23505" || found?.cause?.code === "23505";
};
