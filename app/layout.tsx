import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = { title: "Certwatch", description: "TLS certificate monitoring" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="top">
          <Link href="/" className="brand">
            Certwatch
          </Link>
          <Link href="/">Endpoints</Link>
          <Link href="/endpoints/new">Add endpoint</Link>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
