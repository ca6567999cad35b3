"use client";

import {
  Banner,
  BlockStack,
  Button,
  Card,
  Form,
  FormLayout,
  InlineStack,
  List,
  Select,
  SkeletonBodyText,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import {
  useOdooConnection,
  useRemoveOdooConnection,
  useSaveOdooConnection,
  useTestOdooConnection,
} from "@/components/api/odoo";
import type { Store } from "@/components/api/stores";
import { useForm } from "@/components/forms/use-form";
import { useToast } from "@/components/shell/toast";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { ErrorBanner } from "@/components/ui/error-banner";
import type { OdooConnectionCheck } from "@/lib/odoo/check-odoo-connection";
import { ZSaveOdooConnectionRequest, type TOdooConnectionView } from "@/lib/stores/odoo/schemas";
import {
  ODOO_OPERATIONS,
  ODOO_PROTOCOL_LABEL,
  ODOO_PROTOCOL_SETTINGS,
  type OdooConnectionProblem,
} from "@/lib/vocabulary/odoo";
import { formatDateTime } from "../format-time";
import { DetailList } from "./detail-list";

const LABELS = { url: "Odoo URL", database: "Database", login: "Login", apiKey: "API key", protocol: "Protocol" };
type Field = keyof typeof LABELS;

const PROBLEM_TITLE: Record<OdooConnectionProblem, string> = {
  unreachable: "Synco could not reach this Odoo",
  address: "Synco does not connect to this address",
  not_odoo: "This address is not an Odoo server",
  unsupported_version: "This Odoo version is not supported",
  protocol: "This Odoo has no JSON-2 API",
  database: "Database not found",
  credentials: "Odoo refused the login or API key",
  rights: "The Odoo user is missing access rights",
  error: "The connection test failed",
};

const PROTOCOL_NAME = { json2: "JSON-2", jsonrpc: "JSON-RPC" } as const;

/** The store's Odoo connection: owners and admins enter, test, change and remove it; members read it. */
export function OdooConnectionCard({ store, canManage }: { store: Store; canManage: boolean }) {
  const query = useOdooConnection(store.id);
  if (query.isPending)
    return (
      <Card>
        <SkeletonBodyText lines={4} />
      </Card>
    );
  if (query.isError) return <ErrorBanner title="Could not load the Odoo connection" error={query.error} />;
  const connection = query.data;
  if (!canManage) return <ReadOnlyConnection connection={connection} />;
  // Remounted when the saved connection changes, so the form starts from it.
  return <ConnectionForm key={connection?.updatedAt ?? "none"} store={store} connection={connection} />;
}

function ReadOnlyConnection({ connection }: { connection: TOdooConnectionView | null }) {
  return (
    <Card>
      <BlockStack gap="300">
        {connection ? (
          <DetailList
            items={[
              { label: LABELS.url, value: connection.url },
              { label: LABELS.database, value: connection.database },
              { label: LABELS.login, value: connection.login },
              { label: LABELS.apiKey, value: connection.apiKeySet ? "Set (hidden)" : "Not set" },
              { label: LABELS.protocol, value: ODOO_PROTOCOL_LABEL[connection.protocol] },
              { label: "Last test", value: lastTestWords(connection) },
            ]}
          />
        ) : (
          <Text as="p">This store is not connected to Odoo yet.</Text>
        )}
        <Text as="p" tone="subdued" variant="bodySm">
          Only owners and admins can connect, test or change the Odoo connection.
        </Text>
      </BlockStack>
    </Card>
  );
}

function lastTestWords(connection: TOdooConnectionView): string {
  const test = connection.lastTest;
  if (!test) return "Not tested since it was saved";
  const when = formatDateTime(test.at);
  return test.ok
    ? `Connected to Odoo ${test.serverVersion ?? ""} (${when})`
    : `Failed: ${PROBLEM_TITLE[test.problem ?? "error"]} (${when})`;
}

function ConnectionForm({ store, connection }: { store: Store; connection: TOdooConnectionView | null }) {
  const showToast = useToast();
  const [result, setResult] = useState<OdooConnectionCheck | null>(null);
  const [removing, setRemoving] = useState(false);
  const save = useSaveOdooConnection(store.id, { onSuccess: () => showToast("Odoo connection saved") });
  const check = useTestOdooConnection(store.id, { onSuccess: ({ result }) => setResult(result) });
  const remove = useRemoveOdooConnection(store.id, {
    onSuccess: ({ removed }) =>
      showToast(removed ? "Odoo connection removed" : "The Odoo connection was already removed"),
  });
  // An empty key field keeps the saved key.
  const toInput = ({ apiKey, ...rest }: Record<Field, string>) => ({ ...rest, ...(apiKey.trim() ? { apiKey } : {}) });
  const form = useForm({
    schema: ZSaveOdooConnectionRequest,
    initialValues: {
      url: connection?.url ?? "",
      database: connection?.database ?? "",
      login: connection?.login ?? "",
      apiKey: "",
      protocol: connection?.protocol ?? "auto",
    },
    labels: LABELS,
    toInput,
    serverError: save.error ?? check.error,
  });
  const keyHelp = connection?.apiKeySet
    ? "A key is saved (it is never shown). Leave empty to keep it, or paste a new one."
    : "In Odoo: Preferences → Account Security → New API Key. Synco stores it encrypted.";
  const closeRemove = () => {
    setRemoving(false);
    remove.reset();
  };

  return (
    <Card>
      <Form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <FormLayout>
          {connection?.sandbox ? (
            <Text as="p" tone="subdued">
              This sandbox store is connected to a sandbox Odoo of its own, served by Synco and seeded with the records
              its synced items point to.
            </Text>
          ) : null}
          <ErrorBanner title="Could not save the Odoo connection" error={form.formError} />
          <TextField
            label={LABELS.url}
            autoComplete="off"
            type="url"
            placeholder="https://mycompany.odoo.com"
            helpText="The address you open Odoo at."
            {...form.field("url")}
          />
          <FormLayout.Group>
            <TextField label={LABELS.database} autoComplete="off" {...form.field("database")} />
            <TextField label={LABELS.login} autoComplete="off" {...form.field("login")} />
          </FormLayout.Group>
          <TextField
            label={LABELS.apiKey}
            type="password"
            autoComplete="new-password"
            placeholder={connection?.apiKeySet ? "•••••••• (saved)" : undefined}
            helpText={keyHelp}
            {...form.field("apiKey")}
          />
          <Select
            label={LABELS.protocol}
            options={ODOO_PROTOCOL_SETTINGS.map((value) => ({ value, label: ODOO_PROTOCOL_LABEL[value] }))}
            {...form.field("protocol")}
          />
          {check.isPending ? <Text as="p">Testing the connection…</Text> : null}
          {result && !check.isPending ? <TestResult result={result} /> : null}
          {connection && !result ? (
            <Text as="p" tone="subdued" variant="bodySm">
              Last test: {lastTestWords(connection)}
            </Text>
          ) : null}
          <InlineStack align="space-between" gap="200" wrap>
            <InlineStack gap="200">
              {connection ? (
                <Button tone="critical" variant="plain" onClick={() => setRemoving(true)}>
                  Remove connection
                </Button>
              ) : null}
            </InlineStack>
            <InlineStack gap="200">
              <Button
                loading={check.isPending}
                onClick={form.handleSubmit((input) => {
                  setResult(null);
                  check.mutate(input);
                })}
              >
                Test connection
              </Button>
              <Button submit variant="primary" loading={save.isPending}>
                Save
              </Button>
            </InlineStack>
          </InlineStack>
        </FormLayout>
      </Form>
      <ConfirmModal
        open={removing}
        title="Remove the Odoo connection?"
        confirmLabel="Remove connection"
        destructive
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(undefined, { onSuccess: closeRemove })}
        onClose={closeRemove}
      >
        <Text as="p">
          Synco forgets the Odoo URL, database, login and API key of {store.shopDomain}, and stops reaching that Odoo
          for this store. Nothing is deleted in Odoo, and you can connect it again at any time.
        </Text>
      </ConfirmModal>
    </Card>
  );
}

function TestResult({ result }: { result: OdooConnectionCheck }) {
  const missing = result.rights.flatMap(({ label, model, granted }) =>
    ODOO_OPERATIONS.filter((operation) => !granted[operation]).map((operation) => `${operation} ${label} (${model})`),
  );
  if (result.ok)
    return (
      <Banner tone="success" title={`Connected to Odoo ${result.version?.serverVersion}`}>
        <BlockStack gap="100">
          <p>
            Signed in as {result.user?.name} ({result.user?.login}) over{" "}
            {result.protocol ? PROTOCOL_NAME[result.protocol] : "?"}.
          </p>
          <p>
            Access rights the sync needs: read, create and write on{" "}
            {result.rights.map((right) => right.label.toLowerCase()).join(", ")} — all granted.
          </p>
        </BlockStack>
      </Banner>
    );
  return (
    <Banner tone="critical" title={PROBLEM_TITLE[result.problem ?? "error"]}>
      <BlockStack gap="100">
        <p>{result.message}</p>
        {result.problem === "rights" && missing.length ? (
          <List>
            {missing.map((item) => (
              <List.Item key={item}>Missing: {item}</List.Item>
            ))}
          </List>
        ) : null}
      </BlockStack>
    </Banner>
  );
}
