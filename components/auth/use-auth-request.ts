"use client";

import { useState } from "react";
import { describeAuthError, retryAfterOf, type AuthFailure, type AuthProblem } from "./auth-errors";

type AuthCall = (fetchOptions: {
  onError: (ctx: { response: Response }) => void;
}) => Promise<{ error: AuthFailure | null }>;

/**
 * Runs a better-auth call; on success leaves with a full page load to `next`, so the server
 * renders the new session and no data of a previous session survives in the browser.
 */
export function useAuthRequest(next: string) {
  const [problem, setProblem] = useState<AuthProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function run(call: AuthCall) {
    setSubmitting(true);
    setProblem(null);
    let retryAfter: number | null = null;
    try {
      const { error } = await call({ onError: (ctx) => void (retryAfter = retryAfterOf(ctx.response)) });
      if (!error) {
        window.location.assign(next);
        return;
      }
      setProblem(describeAuthError(error, retryAfter));
    } catch {
      setProblem({ message: "Could not reach Synco. Check your connection and try again." });
    }
    setSubmitting(false);
  }

  return { problem, submitting, run };
}
