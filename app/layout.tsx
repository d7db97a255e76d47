import type { Metadata } from "next";
import { headers } from "next/headers";
import { THEME_SCRIPT } from "@/lib/commands";
import "./globals.css";

export const metadata: Metadata = {
  title: "MCP Lens",
  description: "A web inspector for Model Context Protocol servers",
  // Static files live in public/ and are served at the root (the gate lets GET through without the token).
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The page's CSP allows an inline script only by the request's nonce (lib/server/security/csp.ts).
  const csp = (await headers()).get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  return (
    // The theme script sets data-theme before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* The chosen theme before the first paint (lib/commands/theme.ts): no flash of the other one. */}
        <script nonce={nonce} suppressHydrationWarning>
          {THEME_SCRIPT}
        </script>
      </head>
      <body className="h-screen overflow-hidden bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
