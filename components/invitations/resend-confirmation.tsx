"use client";

import { Banner, BlockStack, Button, Text } from "@shopify/polaris";
import { useState } from "react";
import { describeAuthError, retryAfterOf } from "@/components/auth/auth-errors";
import { authClient } from "@/lib/auth/client";

type State = { kind: "idle" } | { kind: "sending" } | { kind: "sent" } | { kind: "failed"; message: string };

/**
 * Mails the confirmation link again (better-auth's send-verification-email, at most three a
 * minute): the first one may be lost, and joining an organization needs a confirmed address.
 * The link brings the person back to `returnTo` signed in.
 */
export function ResendConfirmation({ email, returnTo }: { email: string; returnTo: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });

  async function send() {
    setState({ kind: "sending" });
    let retryAfter: number | null = null;
    try {
      const { error } = await authClient.sendVerificationEmail({
        email,
        callbackURL: returnTo,
        fetchOptions: { onError: (ctx) => void (retryAfter = retryAfterOf(ctx.response)) },
      });
      setState(error ? { kind: "failed", message: describeAuthError(error, retryAfter).message } : { kind: "sent" });
    } catch {
      setState({ kind: "failed", message: "Could not reach Synco. Check your connection and try again." });
    }
  }

  return (
    <BlockStack gap="200" inlineAlign="start">
      {state.kind === "sent" ? (
        <div role="status">
          <Text as="p">We sent a new confirmation link to {email}. Open it, then accept the invitation.</Text>
        </div>
      ) : (
        <Text as="p" tone="subdued">
          No mail from Synco? Check your spam folder, or have the link sent again.
        </Text>
      )}
      {state.kind === "failed" && (
        <Banner tone="critical" title="Could not send the link">
          <p>{state.message}</p>
        </Banner>
      )}
      <Button onClick={() => void send()} loading={state.kind === "sending"}>
        Send the link again
      </Button>
    </BlockStack>
  );
}
