"use client";

import { TextField } from "@shopify/polaris";

type FieldProps = { value: string; onChange: (value: string) => void; error?: string };

type Props = {
  labels: { accessToken: string; apiSecret: string };
  /** The two fields' props from the form (useForm's `field`). */
  field: (name: "accessToken" | "apiSecret") => FieldProps;
  apiSecretHelp: string;
};

/** A custom app's Admin API access token and API secret key, as both token forms ask for them. */
export function TokenFields({ labels, field, apiSecretHelp }: Props) {
  return (
    <>
      <TextField
        label={labels.accessToken}
        type="password"
        autoComplete="off"
        helpText="Starts with shpat_. Synco checks it with Shopify before saving it, encrypted."
        {...field("accessToken")}
      />
      <TextField
        label={labels.apiSecret}
        type="password"
        autoComplete="off"
        helpText={apiSecretHelp}
        {...field("apiSecret")}
      />
    </>
  );
}
