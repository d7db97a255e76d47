import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { CORPUS_TOOLS } from "../servers/fixtures/schemaCorpus";
import { type ListedTool, ToolsPage } from "./pages/tools";
import { planForm, typeMismatches } from "./support/formPlan";
import { NODE, ROOT } from "./support/processes";

/**
 * The schema corpus: every tool of three real servers and of the corpus fixture. Each form is
 * filled through its controls (tests/support/formPlan.ts), survives Form → JSON → Form, and the
 * arguments that go out are exactly the planned ones: read back from the fixture's echo, or from
 * the outgoing tools/call frame in the traffic panel for real servers.
 */

const bin = (pkg: string) => resolve(ROOT, `node_modules/@modelcontextprotocol/${pkg}/dist/index.js`);

interface Server {
  title: string;
  /** The tools under test. For a real server, exactly what this package version lists. */
  tools: readonly string[];
  /** The fixture also serves tools for calls and results, not forms: only the corpus must be there. */
  listsOthers?: boolean;
  /** Listed too, but not called here: they ask the client for something (covered in clientFeatures.spec.ts). */
  alsoListed?: readonly string[];
  /** How the sent arguments are read back. */
  via: "echo" | "traffic";
  /** Starts what the server needs (temp dirs): its connection, per-tool string values, and cleanup. */
  prepare(): {
    args: string;
    env?: Record<string, string>;
    strings?: (tool: string) => Record<string, string>;
    cleanup?: () => void;
  };
}

const SERVERS: Server[] = [
  {
    title: "corpus fixture",
    tools: CORPUS_TOOLS.map((t) => t.name),
    listsOthers: true,
    via: "echo",
    prepare: () => ({ args: "--import tsx servers/fixtures/corpus-server.ts" }),
  },
  {
    title: "server-everything",
    tools: [
      "echo",
      "get-annotated-message",
      "get-env",
      "get-resource-links",
      "get-resource-reference",
      "get-structured-content",
      "get-sum",
      "get-tiny-image",
      "gzip-file-as-resource",
      "toggle-simulated-logging",
      "toggle-subscriber-updates",
      "trigger-long-running-operation",
      "simulate-research-query",
    ],
    // Offered because MCP Lens declares roots, sampling and elicitation.
    // The *-async tools are listed because the inspector declares the client `tasks` capability.
    alsoListed: [
      "get-roots-list",
      "trigger-elicitation-request",
      "trigger-elicitation-request-async",
      "trigger-sampling-request",
      "trigger-sampling-request-async",
      "trigger-url-elicitation",
    ],
    via: "traffic",
    prepare: () => ({ args: `${bin("server-everything")} stdio` }),
  },
  {
    title: "server-filesystem",
    tools: [
      "read_file",
      "read_text_file",
      "read_media_file",
      "read_multiple_files",
      "write_file",
      "edit_file",
      "create_directory",
      "list_directory",
      "list_directory_with_sizes",
      "directory_tree",
      "move_file",
      "search_files",
      "get_file_info",
      "list_allowed_directories",
    ],
    via: "traffic",
    prepare: () => {
      const dir = mkdtempSync(join(tmpdir(), "mcp-lens-fs-"));
      writeFileSync(join(dir, "a.txt"), "alpha\nbeta\ngamma\n");
      writeFileSync(join(dir, "b.txt"), "to be moved\n");
      const file = join(dir, "a.txt");
      const paths: Record<string, Record<string, string>> = {
        write_file: { path: join(dir, "written.txt") },
        edit_file: { path: file, "edits item 1.oldText": "beta" },
        create_directory: { path: join(dir, "made") },
        list_directory: { path: dir },
        list_directory_with_sizes: { path: dir },
        directory_tree: { path: dir },
        search_files: { path: dir, pattern: "*.txt" },
        move_file: { source: join(dir, "b.txt"), destination: join(dir, "moved.txt") },
      };
      return {
        args: `${bin("server-filesystem")} ${dir}`,
        strings: (tool) => ({ path: file, "paths item 1": file, ...paths[tool] }),
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    title: "server-memory",
    tools: [
      "create_entities",
      "create_relations",
      "add_observations",
      "delete_entities",
      "delete_observations",
      "delete_relations",
      "read_graph",
      "search_nodes",
      "open_nodes",
    ],
    via: "traffic",
    prepare: () => {
      const dir = mkdtempSync(join(tmpdir(), "mcp-lens-memory-"));
      return {
        args: bin("server-memory"),
        env: { MEMORY_FILE_PATH: join(dir, "memory.jsonl") },
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];

/** As the Tools panel decides (components/tools/AnnotationBadges.tsx): only an explicit hint asks first. */
function asksFirst(tool: ListedTool): boolean {
  return tool.annotations?.readOnlyHint !== true && tool.annotations?.destructiveHint === true;
}

for (const server of SERVERS) {
  test.describe(`argument forms: ${server.title}`, () => {
    // One connection per server; a failed test restarts the worker, which connects again.
    let page: Page;
    let tools: ToolsPage;
    let listed: Map<string, ListedTool>;
    let prepared: ReturnType<Server["prepare"]> | undefined;

    test.beforeAll(async ({ browser }, testInfo) => {
      testInfo.setTimeout(60_000);
      prepared = server.prepare();
      page = await browser.newPage({
        baseURL: testInfo.project.use.baseURL,
        permissions: ["clipboard-read", "clipboard-write"],
      });
      tools = new ToolsPage(page);
      await tools.connectStdio({
        name: server.title,
        transport: "stdio",
        command: NODE,
        args: prepared.args,
        protocol: "2025-11-25",
        ...(prepared.env ? { env: prepared.env } : {}),
      });
      listed = new Map((await tools.listedTools()).map((t) => [t.name, t]));
    });

    test.afterAll(async () => {
      // Disconnect stops the server through the bridge (stdin closed, then SIGTERM).
      if (page && !page.isClosed() && (await tools.inspector.status.textContent())?.startsWith("Connected")) {
        await tools.inspector.disconnect();
        await expect(tools.inspector.status).toHaveText(/^Disconnected/);
      }
      await page?.close();
      prepared?.cleanup?.();
    });

    test("lists the tools of the corpus", () => {
      const names = [...listed.keys()].sort();
      if (server.listsOthers) expect(names).toEqual(expect.arrayContaining([...server.tools]));
      else
        expect(names, "a different list means a different server version").toEqual(
          [...server.tools, ...(server.alsoListed ?? [])].sort(),
        );
    });

    for (const name of server.tools) {
      test(name, async () => {
        const tool = listed.get(name);
        expect(tool, `${name} is listed`).toBeDefined();
        const plan = planForm(tool!.inputSchema, { strings: prepared?.strings?.(name) ?? {} });
        const panel = tools.panel(name);

        await tools.select(name);
        await tools.apply(name, plan.steps);
        await tools.expectShown(name, plan.shown);

        // Form → JSON → Form: the JSON is the planned value and every control keeps its value.
        expect(JSON.parse(await tools.jsonModeText(name)), "JSON mode text").toEqual(plan.expected);
        await tools.useForm(name);
        await tools.expectShown(name, plan.shown);
        await expect(panel.getByText(/validation error/)).toHaveCount(0);

        await tools.call(name);
        if (asksFirst(tool!))
          await page
            .getByRole("alertdialog", { name: "Confirm call" })
            .getByRole("button", { name: "Call it" })
            .click();

        let sent: unknown;
        if (server.via === "echo") {
          const text = await tools.content("text content 1").locator("pre").first().textContent();
          sent = (JSON.parse(text ?? "null") as { received?: unknown }).received;
        } else {
          sent = await tools.sentArguments(name);
        }
        expect(typeMismatches(plan.expected, sent), "fields sent with another JSON type").toEqual([]);
        expect(sent).toEqual(plan.expected);
      });
    }
  });
}
