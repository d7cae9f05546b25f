"use server";

import { revalidatePath } from "next/cache";
import type { AuthFormState } from "@/components/auth-form";
import { createSession, sessionPolicyOf } from "@/server/auth/sessions";
import { requireActionActor, setSessionCookie } from "@/server/auth/web";
import { db } from "@/server/db";
import { config } from "@/server/env";
import { createToken } from "@/server/services/token/create-token";
import { revokeToken } from "@/server/services/token/revoke-token";
import { changePassword } from "@/server/services/user/change-password";
import { formStateOf, text } from "../form-state";

export async function changePasswordAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    const input = {
      currentPassword: text(form, "currentPassword", 300),
      newPassword: text(form, "newPassword", 300),
    };
    await changePassword({ ctx: { db: db() }, actor, input });
    // Every session ended with the old password; this browser continues on a fresh one.
    const s = createSession(db(), actor.userId!, sessionPolicyOf(config()));
    await setSessionCookie(s.token, s.expiresAt);
  } catch (e) {
    return formStateOf(e);
  }
  return { notice: "Password changed. Other browsers have been signed out." };
}

export async function createTokenAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    const { token } = createToken({ ctx: { db: db() }, actor, input: { name: text(form, "name", 200) } });
    revalidatePath("/account");
    return { secret: token };
  } catch (e) {
    return formStateOf(e);
  }
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const actor = await requireActionActor();
  revokeToken({ ctx: { db: db() }, actor, id: Number(form.get("id")) });
  revalidatePath("/account");
}
