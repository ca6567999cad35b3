"use client";

import { Banner, BlockStack, Button, ChoiceList, Form, InlineStack } from "@shopify/polaris";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAddSandboxStore, type SandboxSizes } from "@/components/api/stores";
import { useToast } from "@/components/shell/toast";
import { SANDBOX_SIZE_LABEL, SANDBOX_SIZES, type SandboxSize } from "@/lib/vocabulary/stores";
import { describeContents } from "../sandbox-contents";

const WAIT: Record<SandboxSize, string> = {
  small: "ready at once",
  medium: "ready in a few seconds",
  large: "ready in under a minute",
};

export function SandboxStoreForm({ sizes }: { sizes: SandboxSizes }) {
  const router = useRouter();
  const [size, setSize] = useState<SandboxSize>("small");
  const showToast = useToast();
  const add = useAddSandboxStore({
    onSuccess: ({ store }) =>
      showToast(store.seedStatus === "seeding" ? "Sandbox store added: seeding it now" : "Sandbox store added"),
  });

  return (
    <Form
      onSubmit={() => add.mutate({ size }, { onSuccess: ({ store }) => router.push(`/stores/${store.id}`) })}
      noValidate
    >
      <BlockStack gap="400">
        {add.error ? (
          <Banner tone="critical" title="Could not add the sandbox store">
            <p>{add.error.message}</p>
          </Banner>
        ) : null}
        <ChoiceList
          title="Size"
          choices={SANDBOX_SIZES.map((value) => ({
            value,
            label: SANDBOX_SIZE_LABEL[value],
            helpText: `${describeContents(sizes[value])}; ${WAIT[value]}`,
          }))}
          selected={[size]}
          onChange={([value]) => setSize(value as SandboxSize)}
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
