import { OAuthCallback } from "@/components/auth/OAuthCallback";

// Rendered per request like `/`: the page's scripts carry the request's CSP nonce (a prerendered page has none, and its scripts would be blocked).
export const dynamic = "force-dynamic";

/** The OAuth redirect target on the inspector's loopback origin (lib/auth/callback.ts). A GET page load like `/`: it holds no token and starts nothing. */
export default function Page() {
  return <OAuthCallback />;
}
