import { z } from "zod";
import { ZPassword } from "@/lib/auth/password-rules";

const ZEmail = z.string().trim().min(1, "Enter your email address").pipe(z.email("Enter a valid email address"));

export const ZSignInForm = z.object({ email: ZEmail, password: z.string().min(1, "Enter your password") });

export const ZSignUpForm = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Name must be at most 100 characters"),
  email: ZEmail,
  password: ZPassword,
});
