"use client";

import { Banner, Button, Form, FormLayout, Link, TextField } from "@shopify/polaris";
import { useState } from "react";
import { fieldErrors, type FieldErrors } from "@/components/forms/field-errors";
import { authClient } from "@/lib/auth/client";
import { authPath } from "@/lib/auth/next-path";
import { AuthLayout } from "./auth-layout";
import { ZSignInForm } from "./schemas";
import { useAuthRequest } from "./use-auth-request";

export function SignInForm({ next }: { next: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const { problem, submitting, run } = useAuthRequest(next);

  async function submit() {
    const parsed = ZSignInForm.safeParse({ email, password });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error));
    if (!parsed.success) return;
    await run((fetchOptions) => authClient.signIn.email({ ...parsed.data, fetchOptions }));
  }

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
      <Form onSubmit={submit} noValidate>
        <FormLayout>
          {problem ? (
            <Banner tone="critical" title="Could not sign in">
              <p>{problem.message}</p>
            </Banner>
          ) : null}
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={setEmail}
            error={errors.email}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors.password}
          />
          <Button submit variant="primary" size="large" fullWidth loading={submitting}>
            Sign in
          </Button>
        </FormLayout>
      </Form>
    </AuthLayout>
  );
}
