import { cookies } from "next/headers";
import { deleteSession, SESSION_COOKIE } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { sameOrigin } from "@/server/http/authenticate";

export const dynamic = "force-dynamic";

/** POST only, and only from our own pages: a cross-site form must not sign users out. */
export async function POST(req: Request) {
  if (!sameOrigin(req)) {
    return Response.json(
      { error: { code: "FORBIDDEN", message: "Cross-site request refused." } },
      { status: 403 },
    );
  }
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) deleteSession(db(), token);
  jar.delete(SESSION_COOKIE);
  return new Response(null, { status: 303, headers: { Location: "/login" } });
}
