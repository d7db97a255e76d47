import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "MCP Lens",
  description: "A web inspector for Model Context Protocol servers",
  // Static files live in public/ and are served at the root (the gate lets GET through without the token).
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="h-screen overflow-hidden bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
