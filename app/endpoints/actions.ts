"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { isCertwatchError } from "@/lib/errors";
import { requireActionActor } from "@/server/auth/web";
import { ValidationError } from "@/server/errors";
import { createEndpoint } from "@/server/services/endpoint/create-endpoint";
import { scanEndpointNow } from "@/server/services/endpoint/scan-endpoint-now";
import { webContext } from "@/server/web-context";

export interface FormState {
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  values?: Record<string, string>;
}

function formInput(form: FormData) {
  const text = (k: string) => String(form.get(k) ?? "").trim();
  return {
    host: text("host"),
    port: text("port") || undefined,
    ip: text("ip") || null,
    sni: text("sni") || null,
    caPem: text("caPem") || null,
    intervalSeconds: text("intervalSeconds") || undefined,
    tags: text("tags")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
  };
}

export async function createEndpointAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  let id: number;
  try {
    const actor = await requireActionActor();
    id = (await createEndpoint({ ctx: webContext(), actor, input: formInput(form) })).id;
  } catch (e) {
    if (e instanceof ValidationError) return { fieldErrors: e.fieldErrors, values };
    if (isCertwatchError(e)) return { formError: [e.message, e.hint].filter(Boolean).join(" "), values };
    throw e;
  }
  revalidatePath("/");
  redirect(`/endpoints/${id}`);
}

export async function scanNowAction(form: FormData): Promise<void> {
  const id = Number(form.get("id"));
  await scanEndpointNow({ ctx: webContext(), actor: await requireActionActor(), id });
  revalidatePath(`/endpoints/${id}`);
}
