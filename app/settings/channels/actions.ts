"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { AuthFormState } from "@/components/auth-form";
import { CHANNEL_KINDS, type ChannelKind } from "@/lib/notifiers";
import { requireActionActor } from "@/server/auth/web";
import { channelInputFromForm } from "@/server/services/channel/channel-form-input";
import { createChannel } from "@/server/services/channel/create-channel";
import { deleteChannel } from "@/server/services/channel/delete-channel";
import { testChannelById } from "@/server/services/channel/test-channel";
import { updateChannel } from "@/server/services/channel/update-channel";
import { webChannelContext } from "@/server/services/channel/web-channel-context";
import { formStateOf } from "../../form-state";

function kindOf(form: FormData): ChannelKind {
  const k = String(form.get("kind") ?? "");
  return (CHANNEL_KINDS as readonly string[]).includes(k) ? (k as ChannelKind) : "email";
}

export async function createChannelAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    await createChannel({ ctx: webChannelContext(), actor, input: channelInputFromForm(form, kindOf(form)) });
  } catch (e) {
    return formStateOf(e);
  }
  revalidatePath("/settings/channels");
  redirect("/settings/channels");
}

export async function updateChannelAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    const id = Number(form.get("id"));
    const { kind: _kind, ...input } = channelInputFromForm(form, kindOf(form));
    await updateChannel({ ctx: webChannelContext(), actor, id, input });
    revalidatePath("/settings/channels");
    return { notice: "Saved." };
  } catch (e) {
    return formStateOf(e);
  }
}

export async function deleteChannelAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    deleteChannel({ ctx: webChannelContext(), actor, id: Number(form.get("id")) });
    revalidatePath("/settings/channels");
    return {};
  } catch (e) {
    return formStateOf(e);
  }
}

/** The "Send test" button: a real test message through the stored (decrypted) settings. */
export async function testChannelAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    const r = await testChannelById({ ctx: webChannelContext(), actor, id: Number(form.get("id")) });
    return r.ok ? { notice: r.message } : { formError: r.message };
  } catch (e) {
    return formStateOf(e);
  }
}
