import { pingDb } from "@/db/queries/health";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

/** Unauthenticated liveness + database check for container health checks. */
export function GET() {
  return pingDb(db())
    ? Response.json({ status: "ok" })
    : Response.json({ status: "error", database: "unavailable" }, { status: 503 });
}
