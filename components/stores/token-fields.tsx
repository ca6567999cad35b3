"use client";

import { TextField } from "@shopify/polaris";

type SecretField = "accessToken" | "apiSecret";

type Props = {
  labels: Record<SecretField, string>;
  values: Record<SecretField, string>;
  onChange: (field: SecretField) => (value: string) => void;
  error: (field: SecretField) => string | undefined;
  apiSecretHelp: string;
};

/** A custom app's Admin API access token and API secret key, as both token forms ask for them. */
export function TokenFields({ labels, values, onChange, error, apiSecretHelp }: Props) {
  return (
    <>
      <TextField
        label={labels.accessToken}
        type="password"
        autoComplete="off"
        value={values.accessToken}
        onChange={onChange("accessToken")}
        error={error("accessToken")}
        helpText="Starts with shpat_. Synco checks it with Shopify before saving it, encrypted."
      />
      <TextField
        label={labels.apiSecret}
        type="password"
        autoComplete="off"
        value={values.apiSecret}
        onChange={onChange("apiSecret")}
        error={error("apiSecret")}
        helpText={apiSecretHelp}
      />
    </>
  );
}
