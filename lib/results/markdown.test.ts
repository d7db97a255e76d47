import { describe, expect, it } from "vitest";
import { type Block, type Inline, parseMarkdown } from "./markdown";
import { parseInline } from "./markdownInline";

const text = (nodes: Inline[]): string =>
  nodes.map((n) => (n.type === "text" || n.type === "code" ? n.text : text(n.children))).join("");

function links(nodes: Inline[]): string[] {
  return nodes.flatMap((n) =>
    n.type === "link"
      ? [n.href, ...links(n.children)]
      : n.type === "text" || n.type === "code"
        ? []
        : links(n.children),
  );
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

describe("parseInline", () => {
  it("parses emphasis, strong, strike, code spans and links", () => {
    expect(parseInline("a *b* **c** ~~d~~ `e` [f](https://x.test/)")).toEqual([
      { type: "text", text: "a " },
      { type: "em", children: [{ type: "text", text: "b" }] },
      { type: "text", text: " " },
      { type: "strong", children: [{ type: "text", text: "c" }] },
      { type: "text", text: " " },
      { type: "del", children: [{ type: "text", text: "d" }] },
      { type: "text", text: " " },
      { type: "code", text: "e" },
      { type: "text", text: " " },
      { type: "link", href: "https://x.test/", children: [{ type: "text", text: "f" }] },
    ]);
  });

  it("keeps javascript:, data: and relative links as plain text", () => {
    for (const src of [
      "[x](javascript:alert(1))",
      "[x](JavaScript:alert(1))",
      "[x](data:text/html,<script>)",
      "[x](/relative)",
      "<javascript:alert(1)>",
    ]) {
      const nodes = parseInline(src);
      expect(links(nodes)).toEqual([]);
      expect(nodes).toEqual([{ type: "text", text: src }]);
    }
  });

  it("accepts link titles and <angle> targets", () => {
    expect(links(parseInline('[a](https://x.test/p "title") [b](<https://x.test/a b>)'))).toEqual([
      "https://x.test/p",
      "https://x.test/a%20b",
    ]);
  });

  it("renders HTML tags as literal text", () => {
    const nodes = parseInline('<img src=x onerror="alert(1)"><script>alert(2)</script>');
    expect(nodes).toEqual([{ type: "text", text: '<img src=x onerror="alert(1)"><script>alert(2)</script>' }]);
  });

  it("links bare and <angle> http(s) URLs, without trailing punctuation", () => {
    expect(links(parseInline("see https://a.test/x. and <http://b.test/>"))).toEqual([
      "https://a.test/x",
      "http://b.test/",
    ]);
  });

  it("leaves intraword underscores and unmatched markers alone", () => {
    expect(parseInline("snake_case_name and 2 * 3 and *open")).toEqual([
      { type: "text", text: "snake_case_name and 2 * 3 and *open" },
    ]);
  });

  it("honours backslash escapes", () => {
    expect(parseInline("\\*not em\\*")).toEqual([{ type: "text", text: "*not em*" }]);
  });

  it("stays fast on hostile delimiters (1 MB)", () => {
    for (const unit of ["*a ", "[x ", "`a ", "_a ", "**a ", "[a](", "<http://x "]) {
      const src = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const { value, ms } = timed(() => parseInline(src));
      expect(text(value).length).toBeGreaterThan(0);
      expect(ms).toBeLessThan(4000);
    }
  });
});

describe("parseMarkdown", () => {
  it("parses headings, paragraphs, fenced code, lists, quotes and rules", () => {
    const blocks = parseMarkdown(
      "# Title #\n\nSome *text*\nmore\n\n```js\nlet a = '<b>';\n```\n- one\n- two\n  - nested\n1. first\n\n> quoted\n\n---",
    );
    expect(blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "code", "list", "list", "quote", "rule"]);
    expect(blocks[0]).toEqual({ type: "heading", level: 1, children: [{ type: "text", text: "Title" }] });
    expect(blocks[2]).toEqual({ type: "code", lang: "js", text: "let a = '<b>';" });
    const list = blocks[3] as Extract<Block, { type: "list" }>;
    expect(list.items.map((i) => text(i.children))).toEqual(["one", "two"]);
    expect((list.items[1]?.lists[0] as Extract<Block, { type: "list" }>).items.map((i) => text(i.children))).toEqual([
      "nested",
    ]);
    expect(blocks[4]).toMatchObject({ type: "list", ordered: true, start: 1 });
  });

  it("keeps an unterminated fence to the end and shows raw HTML as text", () => {
    const blocks = parseMarkdown("<div onclick=x>hi</div>\n\n```\n<script>");
    expect(blocks[0]).toEqual({ type: "paragraph", children: [{ type: "text", text: "<div onclick=x>hi</div>" }] });
    expect(blocks[1]).toEqual({ type: "code", lang: "", text: "<script>" });
  });

  it("parses 1 MB of mixed markdown in linear-ish time", () => {
    const chunk = "## Head\n\nPara with **bold**, `code` and [link](https://x.test).\n- item *a*\n  - sub\n> quote\n\n";
    const src = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const { value, ms } = timed(() => parseMarkdown(src));
    expect(value.length).toBeGreaterThan(10_000);
    expect(ms).toBeLessThan(5000);
  });

  it("does not hang or overflow on 10,000 nested list markers", () => {
    const oneLine = "- ".repeat(10_000) + "x";
    const lines = Array.from({ length: 10_000 }, (_, i) => " ".repeat(i % 2000) + "- item").join("\n");
    const quotes = ">".repeat(10_000) + " deep";
    for (const src of [oneLine, lines, quotes]) {
      const { value, ms } = timed(() => parseMarkdown(src));
      expect(value.length).toBeGreaterThan(0);
      expect(ms).toBeLessThan(5000);
      expect(depth(value)).toBeLessThanOrEqual(12);
    }
  });
});

function depth(blocks: Block[]): number {
  let max = 0;
  for (const b of blocks) {
    if (b.type === "list") for (const item of b.items) max = Math.max(max, 1 + depth(item.lists));
    if (b.type === "quote") max = Math.max(max, 1 + depth(b.children));
  }
  return max;
}
