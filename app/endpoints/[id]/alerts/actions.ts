"use server";

import { revalidatePath } from "next/cache";
import type { AuthFormState } from "@/components/auth-form";
import { requireActionActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { policyInputFromForm } from "@/server/services/alert-policy/policy-form-input";
import { setAlertPolicy } from "@/server/services/alert-policy/set-alert-policy";
import { formStateOf } from "../../../form-state";

export async function setEndpointPolicyAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    const endpointId = Number(form.get("endpointId"));
    const set = setAlertPolicy({
      ctx: { db: db() },
      actor,
      scope: { endpointId },
      input: policyInputFromForm(form),
    });
    revalidatePath(`/endpoints/${endpointId}/alerts`);
    return {
      notice: Object.keys(set).length ? "Saved: applies from the next scan." : "Cleared: inherits again.",
    };
  } catch (e) {
    return formStateOf(e);
  }
}
