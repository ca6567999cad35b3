"use client";

import { BlockStack, Button, Text } from "@shopify/polaris";
import { AuthLayout } from "@/components/auth/auth-layout";
import { authPath } from "@/lib/auth/next-path";

export function InvitationSignedOut({ path }: { path: string }) {
  return (
    <AuthLayout title="You're invited to Synco" subtitle="Someone invited you to join their organization.">
      <BlockStack gap="400">
        <Text as="p">
          Create an account, or sign in, with the email address the invitation was sent to. You will come straight back
          here to see the invitation and accept it.
        </Text>
        <BlockStack gap="200">
          <Button variant="primary" size="large" fullWidth url={authPath("sign-up", path)}>
            Create account
          </Button>
          <Button size="large" fullWidth url={authPath("sign-in", path)}>
            Sign in
          </Button>
        </BlockStack>
      </BlockStack>
    </AuthLayout>
  );
}
