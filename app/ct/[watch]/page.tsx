import { redirect } from "next/navigation";

/** Alert links point at /ct/<watched domain id>: show that domain's sightings. */
export default async function CtWatchPage({ params }: { params: Promise<{ watch: string }> }) {
  const id = Number((await params).watch);
  redirect(Number.isInteger(id) && id > 0 ? `/ct?domain=${id}` : "/ct");
}
