"use client";

import { BlockStack, Box, Card, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { Brand } from "@/components/shell/brand";

/** The centred card of the signed-out pages: sign in, sign up, invitations. */
export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Box
      minHeight="100vh"
      paddingBlockStart="1600"
      paddingBlockEnd="1600"
      paddingInlineStart="400"
      paddingInlineEnd="400"
    >
      <InlineStack align="center">
        <Box width="100%" maxWidth="440px">
          <BlockStack gap="600">
            {/* In the banner landmark: every piece of the page sits in a landmark (axe "region"). */}
            <header>
              <InlineStack align="center">
                <Brand />
              </InlineStack>
            </header>
            <main>
              <Card padding="600">
                <BlockStack gap="500">
                  <BlockStack gap="100">
                    <Text as="h1" variant="headingLg">
                      {title}
                    </Text>
                    {subtitle ? (
                      <Text as="p" tone="subdued">
                        {subtitle}
                      </Text>
                    ) : null}
                  </BlockStack>
                  {children}
                </BlockStack>
              </Card>
            </main>
            {footer ? (
              <InlineStack align="center">
                <Text as="p" tone="subdued">
                  {footer}
                </Text>
              </InlineStack>
            ) : null}
          </BlockStack>
        </Box>
      </InlineStack>
    </Box>
  );
}

/** Under the address a live invitation's link filled in: the invitation opens only for it. */
export const INVITED_ADDRESS_HELP =
  "The address your invitation was sent to. The invitation opens only for this address.";
