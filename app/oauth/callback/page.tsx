import { OAuthCallback } from "@/components/auth/OAuthCallback";

/** The OAuth redirect target on the inspector's loopback origin (lib/auth/callback.ts). A GET page load like `/`: it holds no token and starts nothing. */
export default function Page() {
  return <OAuthCallback />;
}
