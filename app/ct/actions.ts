"use server";

import { revalidatePath } from "next/cache";
import { formStateOf, text } from "@/app/form-state";
import type { AuthFormState } from "@/components/auth-form";
import { requireActionActor } from "@/server/auth/web";
import { acknowledgeSighting } from "@/server/services/ct/acknowledge-sighting";
import { addWatchedDomain } from "@/server/services/ct/add-watched-domain";
import { removeWatchedDomain } from "@/server/services/ct/remove-watched-domain";
import { setAllowedIssuers } from "@/server/services/ct/set-allowed-issuers";
import { webContext } from "@/server/web-context";

export async function addDomainAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = {
    pattern: text(form, "pattern", 300),
    allowedIssuers: text(form, "allowedIssuers", 10_000),
  };
  try {
    const actor = await requireActionActor();
    await addWatchedDomain({ ctx: webContext(), actor, input: values });
  } catch (e) {
    return formStateOf(e, values);
  }
  revalidatePath("/ct");
  return { notice: `Watching ${values.pattern}.` };
}

export async function setIssuersAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    const r = await setAllowedIssuers({
      ctx: webContext(),
      actor,
      id: Number(form.get("id")),
      issuers: text(form, "allowedIssuers", 10_000),
    });
    revalidatePath("/ct");
    return { notice: r.reclassified ? `Saved; ${r.reclassified} sighting(s) now expected.` : "Saved." };
  } catch (e) {
    return formStateOf(e);
  }
}

export async function removeDomainAction(form: FormData): Promise<void> {
  await removeWatchedDomain({
    ctx: webContext(),
    actor: await requireActionActor(),
    id: Number(form.get("id")),
  });
  revalidatePath("/ct");
}

export async function acknowledgeAction(form: FormData): Promise<void> {
  await acknowledgeSighting({
    ctx: webContext(),
    actor: await requireActionActor(),
    id: Number(form.get("id")),
  });
  revalidatePath("/ct");
}
