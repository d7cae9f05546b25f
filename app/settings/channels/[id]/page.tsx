import { notFound } from "next/navigation";
import { ChannelForm } from "@/components/channel-form";
import { ChannelRowActions } from "@/components/channel-row-actions";
import { Forbidden } from "@/components/forbidden";
import { ALERT_EVENT_KINDS } from "@/lib/alerts/types";
import { isCertwatchError } from "@/lib/errors";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { getChannel } from "@/server/services/channel/read-channels";
import { deleteChannelAction, testChannelAction, updateChannelAction } from "../actions";

export const dynamic = "force-dynamic";

function load(actor: Awaited<ReturnType<typeof requirePageActor>>, id: number) {
  try {
    return getChannel({ ctx: { db: db() }, actor, id });
  } catch (e) {
    if (isCertwatchError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export default async function EditChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor.role, "channel.write")) return <Forbidden role={actor.role} />;
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  // Secrets arrive masked (never decrypted here): the form shows them as "stored" placeholders.
  const c = load(actor, id);
  return (
    <>
      <h1>Channel: {c.name}</h1>
      <ChannelRowActions id={c.id} test={testChannelAction} remove={deleteChannelAction} canWrite />
      <ChannelForm action={updateChannelAction} eventKinds={ALERT_EVENT_KINDS} initial={c} />
    </>
  );
}
