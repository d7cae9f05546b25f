import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/server/auth/permissions";
import { currentActor } from "@/server/auth/web";
import "./globals.css";

export const metadata: Metadata = { title: "Certwatch", description: "TLS certificate monitoring" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  return (
    <html lang="en">
      <body>
        <header className="top">
          <Link href="/" className="brand">
            Certwatch
          </Link>
          {actor ? (
            <>
              <Link href="/">Endpoints</Link>
              {can(actor.role, "endpoint.create") ? <Link href="/endpoints/new">Add endpoint</Link> : null}
              <Link href="/ct">Certificate Transparency</Link>
              <Link href="/alerts">Alerts</Link>
              {can(actor.role, "channel.read") ? <Link href="/settings/channels">Channels</Link> : null}
              {can(actor.role, "user.read") ? <Link href="/admin/users">Users</Link> : null}
              {can(actor.role, "audit.read") ? <Link href="/admin/audit">Audit log</Link> : null}
              <Link href="/api/docs">API</Link>
              <span className="spacer" />
              <Link href="/account" data-testid="current-user">
                {actor.label} <span className="badge muted">{actor.role}</span>
              </Link>
              <form method="post" action="/logout" className="inline">
                <button type="submit" className="secondary">
                  Sign out
                </button>
              </form>
            </>
          ) : null}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
