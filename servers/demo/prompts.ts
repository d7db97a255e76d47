/** The demo server's prompts; `code_review` completes `language` and `style`. */
import { completable, type McpServer } from "@modelcontextprotocol/server";
import * as z from "zod";

const LANGUAGES = ["c", "cpp", "csharp", "go", "java", "javascript", "kotlin", "python", "rust", "swift", "typescript"];
const STYLES = ["concise", "thorough", "friendly"];

export function registerDemoPrompts(server: McpServer): void {
  server.registerPrompt(
    "code_review",
    {
      title: "Code review",
      description: "Asks for a review of a code snippet in a given language.",
      argsSchema: z.object({
        language: completable(z.string().describe("Programming language"), (value) =>
          LANGUAGES.filter((lang) => lang.startsWith(value)),
        ),
        code: z.string().describe("The code to review"),
        style: completable(z.string().optional().describe("Review style"), (value) =>
          STYLES.filter((style) => style.startsWith(value ?? "")),
        ),
      }),
    },
    ({ language, code, style }) => ({
      description: `Review of ${language} code`,
      messages: [
        {
          role: "user",
          content: {
            type: "text",
            text: `Please give a ${style ?? "thorough"} review of this ${language} code:\n\n\`\`\`${language}\n${code}\n\`\`\``,
          },
        },
      ],
    }),
  );

  server.registerPrompt(
    "welcome",
    { title: "Welcome", description: "A short conversation that embeds the README resource." },
    () => ({
      messages: [
        { role: "user", content: { type: "text", text: "What can this server do?" } },
        {
          role: "assistant",
          content: {
            type: "resource",
            resource: {
              uri: "demo://docs/readme.md",
              mimeType: "text/markdown",
              text: "# MCP Lens Demo\n\nSee the README resource.",
            },
          },
        },
      ],
    }),
  );
}
