"use client";

import { Banner, Box } from "@shopify/polaris";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiError } from "@/components/api/api-fetch";
import { authPath } from "@/lib/auth/next-path";

const isSessionEnded = (error: unknown) => error instanceof ApiError && error.status === 401;

/** Sign-in, coming back to the address the user is on now (path and query: a list's tab and search). */
const signInAgainPath = () => authPath("sign-in", window.location.pathname + window.location.search);

/**
 * A session can end while a signed-in page is open (signed out in another tab, revoked, expired):
 * every API call then answers 401. Loading data cannot succeed, so a query's 401 goes straight to
 * sign-in, replacing this page in the history so Back does not return to it. A save's 401 only
 * shows the notice: the form keeps what the user typed until they choose to sign in again.
 * Only the signed-in shell renders this, so sign-in and invitation pages never redirect.
 */
export function SessionEnded() {
  const queryClient = useQueryClient();
  const [signInPath, setSignInPath] = useState<string | null>(null);

  useEffect(() => {
    const queries = queryClient.getQueryCache().subscribe((event) => {
      // A query removed from the cache (sign-out clears it) may still finish with a 401: that is no ended session.
      if (event.type !== "updated" || event.action.type !== "error" || !isSessionEnded(event.action.error)) return;
      if (queryClient.getQueryCache().get(event.query.queryHash) !== event.query) return;
      setSignInPath(signInAgainPath());
      window.location.replace(signInAgainPath());
    });
    const mutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error" && isSessionEnded(event.action.error))
        setSignInPath(signInAgainPath());
    });
    return () => {
      queries();
      mutations();
    };
  }, [queryClient]);

  if (!signInPath) return null;
  return (
    <Box padding="400">
      <Banner tone="warning" title="Your session has ended" action={{ content: "Sign in again", url: signInPath }}>
        <p>Sign in again to continue where you were.</p>
      </Banner>
    </Box>
  );
}
