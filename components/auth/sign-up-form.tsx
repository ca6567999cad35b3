"use client";

import { Banner, Button, Form, FormLayout, Link, TextField } from "@shopify/polaris";
import { useState } from "react";
import { fieldErrors, type FieldErrors } from "@/components/forms/field-errors";
import { authClient } from "@/lib/auth/client";
import { authPath } from "@/lib/auth/next-path";
import { PASSWORD_MIN } from "@/lib/auth/account-rules";
import { AuthLayout } from "./auth-layout";
import { ZSignUpForm } from "./schemas";
import { useAuthRequest } from "./use-auth-request";

export function SignUpForm({ next }: { next: string }) {
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const { problem, submitting, run } = useAuthRequest(next);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  // A server problem about one field shows under that field; anything else in the banner.
  const fieldProblem = (field: string) => errors[field] ?? (problem?.field === field ? problem.message : undefined);

  async function submit() {
    const parsed = ZSignUpForm.safeParse(values);
    setErrors(parsed.success ? {} : fieldErrors(parsed.error));
    if (!parsed.success) return;
    await run((fetchOptions) => authClient.signUp.email({ ...parsed.data, fetchOptions }));
  }

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
      <Form onSubmit={submit} noValidate>
        <FormLayout>
          {problem && !problem.field ? (
            <Banner tone="critical" title="Could not create your account">
              <p>{problem.message}</p>
            </Banner>
          ) : null}
          <TextField
            label="Name"
            autoComplete="name"
            value={values.name}
            onChange={set("name")}
            error={fieldProblem("name")}
          />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={set("email")}
            error={fieldProblem("email")}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={set("password")}
            error={fieldProblem("password")}
            helpText={`At least ${PASSWORD_MIN} characters, with a letter and a digit.`}
          />
          <Button submit variant="primary" size="large" fullWidth loading={submitting}>
            Create account
          </Button>
        </FormLayout>
      </Form>
    </AuthLayout>
  );
}
