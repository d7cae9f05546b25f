import type { ChannelRow } from "@/db/schema";

/**
 * Which channels an alert goes to. Empty lists mean "all"; a channel limited to tags only gets alerts
 * of endpoints carrying one of them, so alerts without an endpoint (CT, watcher health) skip it.
 */
export function routeChannels(
  channels: readonly ChannelRow[],
  event: string,
  endpointTags: readonly string[] | null,
): ChannelRow[] {
  return channels.filter((c) => {
    if (!c.enabled) return false;
    if (c.events.length > 0 && !c.events.includes(event)) return false;
    if (c.tags.length === 0) return true;
    const tags = new Set((endpointTags ?? []).map((t) => t.toLowerCase()));
    return c.tags.some((t) => tags.has(t.toLowerCase()));
  });
}
