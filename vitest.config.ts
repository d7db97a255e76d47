import { defineConfig } from "vitest/config";

// Two projects: lib, servers and scripts run in Node; component tests (components/**/*.test.tsx)
// run in happy-dom, a browser-less DOM, with Testing Library.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["lib/**/*.test.ts", "servers/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "components",
          include: ["components/**/*.test.tsx"],
          environment: "happy-dom",
          setupFiles: ["components/testing/setup.ts"],
        },
      },
    ],
  },
  resolve: { alias: { "@": new URL(".", import.meta.url).pathname } },
});
