// Imported first by tests that make a statement run past its limit: every job statement limit is
// 1/20 of its normal value (a batch gets 1.5 s). Must run before db/statement-timeout.ts loads.
process.env.SYNCO_JOB_STATEMENT_TIMEOUT_SCALE = "0.05";
