import { ChannelForm } from "@/components/channel-form";
import { Forbidden } from "@/components/forbidden";
import { ALERT_EVENT_KINDS } from "@/lib/alerts/types";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { createChannelAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function NewChannelPage() {
  const actor = await requirePageActor();
  if (!can(actor.role, "channel.write")) return <Forbidden role={actor.role} />;
  return (
    <>
      <h1>Add a notification channel</h1>
      <ChannelForm action={createChannelAction} eventKinds={ALERT_EVENT_KINDS} />
    </>
  );
}
