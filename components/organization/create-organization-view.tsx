"use client";

import {
  Banner,
  BlockStack,
  Button,
  Card,
  Form,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/components/api/api-fetch";
import { useCreateOrganization, useMe } from "@/components/api/organizations";
import { OrganizationPicker } from "./organization-picker";
import { ZOrganizationName } from "@/lib/organizations/schemas";

export function CreateOrganizationView() {
  const { data: me } = useMe();
  const router = useRouter();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string>();
  const create = useCreateOrganization({
    onSuccess: () => {
      router.push("/");
      router.refresh();
    },
  });
  const first = (me?.organizations.length ?? 0) === 0;
  const hasActive = Boolean(me?.activeOrganizationId);

  function submit() {
    const parsed = ZOrganizationName.safeParse(name);
    if (!parsed.success) return setNameError(parsed.error.issues[0]?.message);
    setNameError(undefined);
    create.mutate(
      { name: parsed.data },
      {
        onError: (err) => setNameError(err instanceof ApiError && err.field === "name" ? err.fieldMessage : undefined),
      },
    );
  }

  return (
    <Page
      title={first ? "Create your organization" : "Create organization"}
      backAction={hasActive ? { content: "Home", url: "/" } : undefined}
      narrowWidth
    >
      <Layout>
        <Layout.Section>
          <Card>
            <Form onSubmit={submit} noValidate>
              <FormLayout>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    {first ? "Welcome to Synco" : "A new organization"}
                  </Text>
                  <Text as="p" tone="subdued">
                    An organization holds stores and the people who manage them. Agencies usually create one per client;
                    you can belong to as many as you need and switch between them from the top bar.
                  </Text>
                </BlockStack>
                {create.error && !nameError ? (
                  <Banner tone="critical" title="Could not create the organization">
                    <p>{create.error.message}</p>
                  </Banner>
                ) : null}
                <TextField
                  label="Organization name"
                  autoComplete="organization"
                  value={name}
                  onChange={setName}
                  error={nameError}
                  helpText="Your company or your client's name. You can change it later."
                  maxLength={80}
                />
                <InlineStack align="end">
                  <Button submit variant="primary" loading={create.isPending}>
                    Create organization
                  </Button>
                </InlineStack>
              </FormLayout>
            </Form>
          </Card>
        </Layout.Section>
        {me && !hasActive && me.organizations.length > 0 ? (
          <Layout.Section>
            <OrganizationPicker organizations={me.organizations} />
          </Layout.Section>
        ) : null}
      </Layout>
    </Page>
  );
}
