import type { NextConfig } from "next";
import { ASSET_CSP, STATIC_SECURITY_HEADERS } from "./server/http/security-headers";

const assetHeaders = [
  ...Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
  { key: "Content-Security-Policy", value: ASSET_CSP },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "bullmq", "ioredis", "pino", "@node-rs/argon2"],
  // The live database must never be traced into a build.
  outputFileTracingExcludes: { "*": ["./data/**", "./tests/**", "./bench/**"] },
  // `npm test` runs tsc and Biome over the whole tree; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  experimental: { serverActions: { bodySizeLimit: "256kb" } },
  // proxy.ts sets the headers (with a per-request CSP nonce) on everything else.
  async headers() {
    return [
      { source: "/_next/static/:path*", headers: assetHeaders },
      { source: "/_next/image", headers: assetHeaders },
      { source: "/favicon.ico", headers: assetHeaders },
    ];
  },
};

export default nextConfig;
