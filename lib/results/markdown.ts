import { type Inline, parseInline } from "./markdownInline";

export type { Inline } from "./markdownInline";

/** Block markdown as a small AST; React renders it, nothing is ever turned into HTML text. */
export type Block =
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "code"; lang: string; text: string }
  | { type: "list"; ordered: boolean; start: number; items: ListItem[] }
  | { type: "quote"; children: Block[] }
  | { type: "rule" };

export interface ListItem {
  children: Inline[];
  lists: Block[];
}

/** Deeper nesting is flattened (lists) or kept as literal text (quotes): bounds recursion. */
export const MAX_LIST_DEPTH = 8;
export const MAX_QUOTE_DEPTH = 4;

type ListBlock = Extract<Block, { type: "list" }>;
type Frame = { indent: number; list: ListBlock; lines: string[][] };

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const QUOTE = /^ {0,3}>/;

/** Parses markdown line by line in linear time (each line is looked at a bounded number of times). */
export function parseMarkdown(src: string, depth = 0): Block[] {
  const lines = src.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let para: string[] = [];
  let stack: Frame[] = [];
  let blankInList = false;

  const closePara = () => {
    if (para.length) blocks.push({ type: "paragraph", children: parseInline(para.join("\n")) });
    para = [];
  };
  const closeList = () => {
    for (const frame of stack) finishItems(frame);
    stack = [];
    blankInList = false;
  };

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    if (line.trim() === "") {
      closePara();
      if (stack.length) blankInList = true;
      continue;
    }

    const item = LIST_ITEM.exec(line);
    if (stack.length && !item) {
      const indented = /^[ \t]{2,}/.test(line);
      if (indented || (!blankInList && !startsBlock(line))) {
        const top = stack[stack.length - 1] as Frame;
        top.lines[top.lines.length - 1]?.push(line.trim());
        blankInList = false;
        continue;
      }
      closeList();
    }

    const fence = FENCE.exec(line);
    if (fence) {
      closePara();
      closeList();
      const marker = fence[1] as string;
      const body: string[] = [];
      n++;
      while (n < lines.length && !isClosingFence(lines[n] as string, marker)) body.push(lines[n++] as string);
      blocks.push({ type: "code", lang: fence[2] ?? "", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      closePara();
      const level = (heading[1] as string).length;
      blocks.push({ type: "heading", level, children: parseInline(headingText(line.slice(heading[0].length))) });
      continue;
    }
    if (isRule(line)) {
      closePara();
      closeList();
      blocks.push({ type: "rule" });
      continue;
    }
    if (QUOTE.test(line)) {
      closePara();
      const quoted: string[] = [];
      while (n < lines.length && QUOTE.test(lines[n] as string))
        quoted.push((lines[n++] as string).replace(/^ {0,3}> ?/, ""));
      n--;
      const inner = quoted.join("\n");
      const children =
        depth < MAX_QUOTE_DEPTH
          ? parseMarkdown(inner, depth + 1)
          : [{ type: "paragraph", children: [{ type: "text", text: inner }] } as Block];
      blocks.push({ type: "quote", children });
      continue;
    }
    if (item) {
      closePara();
      addItem(item, line.slice(item[0].length));
      continue;
    }
    para.push(line);
  }
  closePara();
  closeList();
  return blocks;

  function addItem(match: RegExpExecArray, text: string) {
    const indent = indentWidth(match[1] as string);
    const marker = match[2] as string;
    const ordered = /\d/.test(marker);
    blankInList = false;
    while (stack.length && indent < (stack[stack.length - 1] as Frame).indent) finishItems(stack.pop() as Frame);
    let top = stack[stack.length - 1];
    if (top && indent > top.indent && top.list.items.length && stack.length < MAX_LIST_DEPTH) {
      const sub = newList(ordered, marker);
      top.list.items[top.list.items.length - 1]?.lists.push(sub);
      top = { indent, list: sub, lines: [] };
      stack.push(top);
    } else if (!top || (stack.length === 1 && top.list.ordered !== ordered)) {
      closeList();
      const list = newList(ordered, marker);
      blocks.push(list);
      top = { indent, list, lines: [] };
      stack.push(top);
    }
    top.list.items.push({ children: [], lists: [] });
    top.lines.push([text]);
  }
}

function newList(ordered: boolean, marker: string): ListBlock {
  return { type: "list", ordered, start: ordered ? Number.parseInt(marker, 10) : 1, items: [] };
}

/** Item text is parsed once the item can no longer grow. */
function finishItems(frame: Frame) {
  frame.list.items.forEach((item, k) => {
    const lines = frame.lines[k];
    if (lines && !item.children.length) item.children = parseInline(lines.join("\n"));
  });
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || isRule(line);
}

function isClosingFence(line: string, marker: string): boolean {
  const t = line.trimStart();
  return (
    line.length - t.length <= 3 &&
    t.startsWith(marker) &&
    t
      .slice(marker.length)
      .trim()
      .replaceAll(marker[0] as string, "") === ""
  );
}

/** `---`, `***`, `___` (spaces allowed), checked by hand: a regex here backtracks on `- - - … x`. */
function isRule(line: string): boolean {
  let ch = "";
  let count = 0;
  for (const c of line) {
    if (c === " " || c === "\t") continue;
    if (c !== "-" && c !== "*" && c !== "_") return false;
    if (ch && c !== ch) return false;
    ch = c;
    count++;
  }
  return count >= 3;
}

function headingText(rest: string): string {
  let end = rest.length;
  while (end > 0 && (rest[end - 1] === " " || rest[end - 1] === "\t")) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === "#") hashes--;
  if (hashes < end && (hashes === 0 || rest[hashes - 1] === " " || rest[hashes - 1] === "\t")) end = hashes;
  return rest.slice(0, end).trim();
}

function indentWidth(ws: string): number {
  let width = 0;
  for (const c of ws) width += c === "\t" ? 4 : 1;
  return width;
}
