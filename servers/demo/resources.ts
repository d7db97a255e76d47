/** The demo server's resources: static text (markdown, JSON), a PNG blob and a notes template. */
import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/server";
import { LENS_PNG_BASE64 } from "./assets.js";

const NOTES: Record<string, string> = {
  "1": "First note: the inspector shows every frame.",
  "2": "Second note: resources can be templated.",
  "3": "Third note: completions suggest template variables.",
  "12": "Note twelve.",
  "42": "The answer note.",
};

const README = `# MCP Lens Demo

This server exists to exercise an MCP inspector:

- tools with rich input schemas, progress, sampling and elicitation
- static and templated resources, one binary
- prompts with argument completion
`;

const HELLO_HTML = `<!doctype html><h1>Hello from an HTML resource</h1>
<script>try { parent.document.title = "pwned by a resource"; } catch (e) {} document.body.dataset.ran = "yes";</script>`;

const SETTINGS = { theme: "light", retries: 3, features: { sampling: true, elicitation: true }, tags: ["demo", "mcp"] };

export function registerDemoResources(server: McpServer): void {
  server.registerResource(
    "readme",
    "demo://docs/readme.md",
    { title: "README", description: "What this demo server is for (markdown).", mimeType: "text/markdown" },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: "text/markdown", text: README }] }),
  );

  server.registerResource(
    "settings",
    "demo://config/settings.json",
    { title: "Settings", description: "A JSON document.", mimeType: "application/json" },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(SETTINGS, null, 2) }] }),
  );

  // An HTML page whose script tries to reach the inspector: it must render only in a sandboxed frame.
  server.registerResource(
    "html-page",
    "demo://pages/hello.html",
    {
      title: "HTML page",
      description: "An HTML document with a script (shown sandboxed, the script never runs).",
      mimeType: "text/html",
    },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: "text/html", text: HELLO_HTML }] }),
  );

  server.registerResource(
    "lens-image",
    "demo://images/lens.png",
    { title: "Lens image", description: "A 16×16 PNG (binary blob).", mimeType: "image/png" },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: "image/png", blob: LENS_PNG_BASE64 }] }),
  );

  server.registerResource(
    "note",
    new ResourceTemplate("demo://notes/{id}", {
      list: () => ({
        resources: Object.keys(NOTES).map((id) => ({
          uri: `demo://notes/${id}`,
          name: `note-${id}`,
          mimeType: "text/plain",
        })),
      }),
      complete: { id: (value) => Object.keys(NOTES).filter((id) => id.startsWith(value)) },
    }),
    { title: "Note", description: "A note by id (ids complete: 1, 2, 3, 12, 42).", mimeType: "text/plain" },
    (uri, variables) => {
      const id = String(variables.id);
      const text = NOTES[id] ?? `No note with id ${id}.`;
      return { contents: [{ uri: uri.href, mimeType: "text/plain", text }] };
    },
  );
}
