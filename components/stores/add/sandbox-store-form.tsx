"use client";

import { BlockStack, Button, ChoiceList, Form, InlineStack } from "@shopify/polaris";
import { useRouter } from "next/navigation";
import { useAddSandboxStore, type SandboxSizes } from "@/components/api/stores";
import { useForm } from "@/components/forms/use-form";
import { useToast } from "@/components/shell/toast";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ZAddSandboxStoreRequest } from "@/lib/stores/schemas";
import { SANDBOX_SIZE_LABEL, SANDBOX_SIZES, type SandboxSize } from "@/lib/vocabulary/stores";
import { describeContents } from "../sandbox-contents";

const WAIT: Record<SandboxSize, string> = {
  small: "ready at once",
  medium: "ready in a few seconds",
  large: "ready in under a minute",
};

export function SandboxStoreForm({ sizes }: { sizes: SandboxSizes }) {
  const router = useRouter();
  const showToast = useToast();
  // The store's page follows the seeding live; a toast saying "seeding" would outlast it.
  const add = useAddSandboxStore({ onSuccess: () => showToast("Sandbox store added") });
  const form = useForm({
    schema: ZAddSandboxStoreRequest,
    initialValues: { size: "small" },
    labels: { size: "Size" },
    serverError: add.error,
  });

  return (
    <Form
      onSubmit={form.handleSubmit((input) =>
        add.mutate(input, { onSuccess: ({ store }) => router.push(`/stores/${store.id}`) }),
      )}
      noValidate
    >
      <BlockStack gap="400">
        <ErrorBanner title="Could not add the sandbox store" error={form.formError} />
        <ChoiceList
          title="Size"
          choices={SANDBOX_SIZES.map((value) => ({
            value,
            label: SANDBOX_SIZE_LABEL[value],
            helpText: `${describeContents(sizes[value])}; ${WAIT[value]}`,
          }))}
          selected={[form.values.size]}
          onChange={([value]) => form.setValue("size", value ?? "small")}
          error={form.errorOf("size")}
        />
        <InlineStack align="end">
          <Button submit variant="primary" loading={add.isPending || add.isSuccess}>
            Add sandbox store
          </Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}
