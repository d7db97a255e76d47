import { jsonDefaults } from "monaco-editor/languages/features/json/register";

/** Monaco's JSON diagnostics are global: keep one schema per open editor model and publish them all. */
const bound = new Map<string, unknown>();

export function bindSchema(modelUri: string, schema: unknown): () => void {
  bound.set(modelUri, schema);
  publish();
  return () => {
    bound.delete(modelUri);
    publish();
  };
}

function publish(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    enableSchemaRequest: false,
    schemas: [...bound].map(([uri, schema]) => ({ uri: `${uri}.schema`, fileMatch: [uri], schema })),
  });
}
