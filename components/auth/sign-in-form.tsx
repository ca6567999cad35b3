"use client";

import { Button, Form, FormLayout, Link, TextField } from "@shopify/polaris";
import { useForm } from "@/components/forms/use-form";
import { ErrorBanner } from "@/components/ui/error-banner";
import { authClient } from "@/lib/auth/client";
import { authPath } from "@/lib/auth/next-path";
import { AuthLayout, INVITED_ADDRESS_HELP } from "./auth-layout";
import { ZSignInForm } from "./schemas";
import { useAuthRequest } from "./use-auth-request";

/** `invitedEmail`: the address of the live invitation this sign-in came from, filled in (decision 97). */
export function SignInForm({ next, invitedEmail = null }: { next: string; invitedEmail?: string | null }) {
  const { problem, submitting, run } = useAuthRequest(next);
  const form = useForm({
    schema: ZSignInForm,
    initialValues: { email: invitedEmail ?? "", password: "" },
    labels: { email: "Email", password: "Password" },
    serverError: problem,
  });

  return (
    <AuthLayout
      title="Sign in to Synco"
      subtitle="Manage the Shopify↔Odoo sync of every store you run."
      footer={
        <>
          New to Synco? <Link url={authPath("sign-up", next)}>Create an account</Link>
        </>
      }
    >
      <Form
        onSubmit={form.handleSubmit((input) =>
          run((fetchOptions) => authClient.signIn.email({ ...input, fetchOptions })),
        )}
        noValidate
      >
        <FormLayout>
          <ErrorBanner title="Could not sign in" error={form.formError} />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            helpText={invitedEmail ? INVITED_ADDRESS_HELP : undefined}
            {...form.field("email")}
          />
          <TextField label="Password" type="password" autoComplete="current-password" {...form.field("password")} />
          <Button submit variant="primary" size="large" fullWidth loading={submitting}>
            Sign in
          </Button>
        </FormLayout>
      </Form>
    </AuthLayout>
  );
}
