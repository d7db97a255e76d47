import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The bridge streams NDJSON and SSE; gzip would buffer them.
  compress: false,
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  serverExternalPackages: ["@modelcontextprotocol/server", "@modelcontextprotocol/sdk"],
};

export default nextConfig;
