"use server";

import { redirect } from "next/navigation";
import type { AuthFormState } from "@/components/auth-form";
import { createSession, sessionPolicyOf } from "@/server/auth/sessions";
import { setSessionCookie } from "@/server/auth/web";
import { db } from "@/server/db";
import { config } from "@/server/env";
import { ValidationError } from "@/server/errors";
import { createFirstAdmin } from "@/server/services/user/create-user";
import { formStateOf, text } from "../form-state";

export async function setupAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const password = text(form, "password", 300);
    if (password !== text(form, "confirm", 300)) {
      throw new ValidationError({ confirm: ["The two passwords differ."] });
    }
    const admin = await createFirstAdmin({
      ctx: { db: db() },
      input: { email: text(form, "email", 320), password },
    });
    const s = createSession(db(), admin.id, sessionPolicyOf(config()));
    await setSessionCookie(s.token, s.expiresAt);
  } catch (e) {
    return formStateOf(e, { email: text(form, "email", 320) });
  }
  redirect("/");
}
