// How a recorded action ended. Plain constants, safe in the browser.
export const AUDIT_OUTCOMES = ["succeeded", "failed", "cancelled"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
