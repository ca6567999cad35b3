"use client";

import { Form, FormLayout, Text } from "@shopify/polaris";
import { useOauthConfig, useReplaceStoreToken, type Store } from "@/components/api/stores";
import { useForm } from "@/components/forms/use-form";
import { useToast } from "@/components/shell/toast";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { ZReplaceStoreTokenRequest } from "@/lib/stores/schemas";
import { withoutEmpty } from "../without-empty";
import { TokenFields } from "../token-fields";

const LABELS = { accessToken: "New Admin API access token", apiSecret: "API secret key" };

/** Pastes a new custom-app token for a store connected by token; Synco checks it with Shopify before saving it. */
export function ReplaceTokenModal({ store, open, onClose }: { store: Store; open: boolean; onClose: () => void }) {
  const scopes = useOauthConfig().data?.scopes;
  const showToast = useToast();
  const replace = useReplaceStoreToken(store.id, { onSuccess: () => showToast("Access token replaced") });
  const form = useForm({
    schema: ZReplaceStoreTokenRequest,
    initialValues: { accessToken: "", apiSecret: "" },
    labels: LABELS,
    // An empty secret is left out: Synco keeps the one it has.
    toInput: withoutEmpty,
    serverError: replace.error,
  });
  const close = () => {
    form.reset();
    replace.reset();
    onClose();
  };
  const submit = form.handleSubmit((input) => replace.mutate(input, { onSuccess: close }));

  return (
    <ConfirmModal
      open={open}
      title="Replace access token"
      confirmLabel="Replace token"
      loading={replace.isPending}
      error={form.formError}
      errorTitle="Could not replace the token"
      onConfirm={submit}
      onClose={close}
    >
      <Form onSubmit={submit} noValidate>
        <FormLayout>
          <Text as="p">
            In Shopify, open the custom app you connected {store.shopDomain} with. Check that it has the Admin API
            scopes Synco needs
            {scopes?.length ? ` (${scopes.join(", ")})` : ""}, release and install the change if you made one, then copy
            its Admin API access token here. If you created a new app instead, paste the new app&apos;s token and API
            secret key.
          </Text>
          <TokenFields
            labels={LABELS}
            field={form.field}
            apiSecretHelp="Only for a new app: Shopify signs its webhooks with it. Leave empty to keep the one Synco has."
          />
        </FormLayout>
      </Form>
    </ConfirmModal>
  );
}
