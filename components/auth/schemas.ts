import { z } from "zod";
import { ZEmail, ZSignUpRequest } from "@/lib/auth/account-rules";

export const ZSignInForm = z.object({ email: ZEmail, password: z.string().min(1, "Enter your password") });

export const ZSignUpForm = ZSignUpRequest;
