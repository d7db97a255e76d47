import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";
import { importRules } from "./scripts/dev/layers.mjs";

export default [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".bench/**",
      ".state/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "*.config.*",
    ],
  },
  ...nextVitals,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "react/no-danger": "error",
    },
  },
  // The plan (scripts/dev/layers.mjs, ARCHITECTURE.md): who may import whom, index.ts as each lib folder's
  // public surface, Node built-ins only on the server side, lib/ free of React and Next.
  ...importRules(),
];
