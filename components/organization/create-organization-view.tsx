"use client";

import {
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
import { useCreateOrganization, useMe } from "@/components/api/organizations";
import { useForm } from "@/components/forms/use-form";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ZCreateOrganizationRequest } from "@/lib/organizations/schemas";
import { OrganizationPicker } from "./organization-picker";

export function CreateOrganizationView() {
  const { data: me } = useMe();
  const router = useRouter();
  const create = useCreateOrganization({
    onSuccess: () => {
      router.push("/");
      router.refresh();
    },
  });
  const form = useForm({
    schema: ZCreateOrganizationRequest,
    initialValues: { name: "" },
    labels: { name: "Organization name" },
    serverError: create.error,
  });
  const first = (me?.organizations.length ?? 0) === 0;
  const hasActive = Boolean(me?.activeOrganizationId);

  return (
    <Page
      title={first ? "Create your organization" : "Create organization"}
      backAction={hasActive ? { content: "Home", url: "/" } : undefined}
      narrowWidth
    >
      <Layout>
        <Layout.Section>
          <Card>
            <Form onSubmit={form.handleSubmit((input) => create.mutate(input))} noValidate>
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
                <ErrorBanner title="Could not create the organization" error={form.formError} />
                <TextField
                  label="Organization name"
                  autoComplete="organization"
                  helpText="Your company or your client's name. You can change it later."
                  maxLength={80}
                  {...form.field("name")}
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
