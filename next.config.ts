import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "bullmq", "ioredis", "pino"],
  // The live database must never be traced into a build.
  outputFileTracingExcludes: { "*": ["./data/**", "./tests/**", "./bench/**"] },
  // `npm test` runs tsc and Biome over the whole tree; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  experimental: { serverActions: { bodySizeLimit: "256kb" } },
};

export default nextConfig;
