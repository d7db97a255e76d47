import type { ConnectionConfig } from "../base";

/** The connections every start offers: the bundled demo server over stdio and Streamable HTTP. */
export function builtInConnections(env: { root: string; nodePath: string; demoHttpUrl?: string }): ConnectionConfig[] {
  const list: ConnectionConfig[] = [
    {
      id: "demo-stdio",
      name: "Demo server (stdio)",
      transport: "stdio",
      protocol: "auto",
      command: env.nodePath,
      args: ["--import", "tsx", "servers/demo/stdio.ts"],
      env: [],
      cwd: env.root,
    },
  ];
  if (env.demoHttpUrl) {
    list.push({
      id: "demo-http",
      name: "Demo server (Streamable HTTP)",
      transport: "streamable-http",
      protocol: "auto",
      url: env.demoHttpUrl,
      headers: [],
    });
  }
  return list;
}
