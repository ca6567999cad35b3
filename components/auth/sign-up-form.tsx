"use client";

import { Button, Form, FormLayout, Link, TextField } from "@shopify/polaris";
import { useForm } from "@/components/forms/use-form";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PASSWORD_MIN } from "@/lib/auth/account-rules";
import { authClient } from "@/lib/auth/client";
import { authPath } from "@/lib/auth/next-path";
import { AuthLayout, INVITED_ADDRESS_HELP } from "./auth-layout";
import { ZSignUpForm } from "./schemas";
import { useAuthRequest } from "./use-auth-request";

/** `invitedEmail`: the address of the live invitation this sign-up came from, filled in (decision 97). */
export function SignUpForm({ next, invitedEmail = null }: { next: string; invitedEmail?: string | null }) {
  const { problem, submitting, run } = useAuthRequest(next);
  const form = useForm({
    schema: ZSignUpForm,
    initialValues: { name: "", email: invitedEmail ?? "", password: "" },
    labels: { name: "Name", email: "Email", password: "Password" },
    // A problem about one field shows under that field; anything else in the banner.
    serverError: problem,
  });

  return (
    <AuthLayout
      title="Create your Synco account"
      subtitle="One login for every store and organization you manage."
      footer={
        <>
          Already have an account? <Link url={authPath("sign-in", next)}>Sign in</Link>
        </>
      }
    >
      <Form
        onSubmit={form.handleSubmit((input) =>
          run((fetchOptions) => authClient.signUp.email({ ...input, fetchOptions })),
        )}
        noValidate
      >
        <FormLayout>
          <ErrorBanner title="Could not create your account" error={form.formError} />
          <TextField label="Name" autoComplete="name" {...form.field("name")} />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            helpText={invitedEmail ? INVITED_ADDRESS_HELP : undefined}
            {...form.field("email")}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            helpText={`At least ${PASSWORD_MIN} characters, with a letter and a digit.`}
            {...form.field("password")}
          />
          <Button submit variant="primary" size="large" fullWidth loading={submitting}>
            Create account
          </Button>
        </FormLayout>
      </Form>
    </AuthLayout>
  );
}
