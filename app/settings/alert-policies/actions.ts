"use server";

import { revalidatePath } from "next/cache";
import type { AuthFormState } from "@/components/auth-form";
import { requireActionActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { policyInputFromForm } from "@/server/services/alert-policy/policy-form-input";
import { setAlertPolicy } from "@/server/services/alert-policy/set-alert-policy";
import { formStateOf } from "../../form-state";

export async function setTagPolicyAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    const tag = String(form.get("tag") ?? "");
    const set = setAlertPolicy({
      ctx: { db: db() },
      actor,
      scope: { tag },
      input: policyInputFromForm(form),
    });
    revalidatePath("/settings/alert-policies");
    return {
      notice: Object.keys(set).length ? `Saved for tag ${tag}.` : `Cleared: ${tag} inherits the defaults.`,
    };
  } catch (e) {
    return formStateOf(e);
  }
}
