import { describe, expect, it } from "vitest";
import type { Client } from "@modelcontextprotocol/client";
import type { ListState } from "../base";
import { loadList } from "./lists";

const tool = (name: string) => ({ name, inputSchema: { type: "object" } });

/** A client whose tools/list answers from `pages` by cursor; records what was asked and when. */
function fakeClient(pages: Record<string, { tools: unknown[]; nextCursor?: unknown }>) {
  const asked: string[] = [];
  const answer: Array<() => void> = [];
  const client = {
    getServerCapabilities: () => ({ tools: {} }),
    request: (req: { params: { cursor?: string } }) => {
      const cursor = req.params.cursor ?? "";
      asked.push(cursor);
      return new Promise((resolve, reject) => {
        answer.push(() => (pages[cursor] ? resolve(pages[cursor]) : reject(new Error(`no page ${cursor}`))));
      });
    },
  } as unknown as Client;
  return { client, asked, answer };
}

async function load(client: Client): Promise<ListState<unknown>> {
  let last: ListState<unknown> = { status: "idle", items: [] } as ListState<unknown>;
  await loadList(client, "tools", "initial" as never, (l) => (last = l), last);
  return last;
}

describe("loadList", () => {
  it("follows every page in order, asking for the next page before the current one's entries are checked", async () => {
    const { client, asked, answer } = fakeClient({
      "": { tools: [tool("a"), tool("b")], nextCursor: "p2" },
      p2: { tools: [tool("c")], nextCursor: "p3" },
      p3: { tools: [tool("d")] },
    });
    const done = load(client);
    await Promise.resolve();
    expect(asked).toEqual([""]);
    answer.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual(["", "p2"]);
    while (answer.length) {
      answer.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    const list = await done;
    expect(list.status).toBe("ready");
    expect(list.items.map((t) => (t as { name: string }).name)).toEqual(["a", "b", "c", "d"]);
  });

  it("a cursor sent twice ends the loading with an error, keeping what was read, and asks no further page", async () => {
    const { client, asked, answer } = fakeClient({
      "": { tools: [tool("a")], nextCursor: "again" },
      again: { tools: [tool("b")], nextCursor: "again" },
    });
    const done = load(client);
    for (let i = 0; i < 5 && answer.length < 3; i++) {
      answer.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    const list = await done;
    expect(list.status).toBe("error");
    expect((list as { error?: string }).error).toMatch(/twice: the pages loop/);
    expect(list.items.map((t) => (t as { name: string }).name)).toEqual(["a"]);
    expect(asked).toEqual(["", "again"]);
  });

  it("a failing page ends with its error and the entries read before it", async () => {
    const { client, answer } = fakeClient({ "": { tools: [tool("a")], nextCursor: "gone" } });
    const done = load(client);
    for (let i = 0; i < 3; i++) {
      answer.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    const list = await done;
    expect(list.status).toBe("error");
    expect((list as { error?: string }).error).toMatch(/no page gone/);
    expect(list.items).toHaveLength(1);
  });
});
