"use server";

import { redirect } from "next/navigation";
import type { AuthFormState } from "@/components/auth-form";
import { login } from "@/server/auth/login";
import { sessionPolicyOf } from "@/server/auth/sessions";
import { clientAddress, safeNextPath, setSessionCookie } from "@/server/auth/web";
import { db } from "@/server/db";
import { config } from "@/server/env";
import { formStateOf, text } from "../form-state";

export async function loginAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const s = await login({
      db: db(),
      email: text(form, "email", 320),
      password: text(form, "password", 256),
      ip: await clientAddress(),
      policy: sessionPolicyOf(config()),
    });
    await setSessionCookie(s.token, s.expiresAt);
  } catch (e) {
    return formStateOf(e, { email: text(form, "email", 320) });
  }
  redirect(safeNextPath(text(form, "next", 2000)));
}
