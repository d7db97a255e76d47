import { Fragment, type ReactNode } from "react";
import type { Block, Inline } from "@/lib/results";
import { safeLinkUrl } from "@/lib/security";

/** Renders the markdown AST as React elements: no HTML strings anywhere, links only to http(s). */
export function Markdown({ blocks }: { blocks: Block[] }) {
  return (
    <div className="flex flex-col gap-2 text-sm leading-relaxed text-slate-800 dark:text-slate-200">
      {blocks.map(renderBlock)}
    </div>
  );
}

const HEADING_CLASS = [
  "text-lg font-semibold",
  "text-base font-semibold",
  "text-sm font-semibold",
  "text-sm font-semibold",
  "text-sm font-medium",
  "text-sm font-medium",
];

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.type) {
    case "heading": {
      const Tag = `h${Math.min(6, Math.max(1, block.level))}` as "h1";
      return (
        <Tag key={key} className={HEADING_CLASS[block.level - 1]}>
          {block.children.map(renderInline)}
        </Tag>
      );
    }
    case "paragraph":
      return (
        <p key={key} className="whitespace-pre-wrap break-words">
          {block.children.map(renderInline)}
        </p>
      );
    case "code":
      return (
        <pre
          tabIndex={0}
          key={key}
          data-lang={block.lang || undefined}
          className="mono overflow-auto rounded bg-slate-100 p-2 text-xs whitespace-pre dark:bg-slate-800"
        >
          <code>{block.text}</code>
        </pre>
      );
    case "list": {
      const items = block.items.map((item, k) => (
        <li key={k} className="break-words whitespace-pre-wrap">
          {item.children.map(renderInline)}
          {item.lists.length > 0 && <div className="mt-1 flex flex-col gap-1">{item.lists.map(renderBlock)}</div>}
        </li>
      ));
      return block.ordered ? (
        <ol key={key} start={block.start} className="ml-5 list-decimal">
          {items}
        </ol>
      ) : (
        <ul key={key} className="ml-5 list-disc">
          {items}
        </ul>
      );
    }
    case "quote":
      return (
        <blockquote
          key={key}
          className="flex flex-col gap-2 border-l-4 border-slate-300 pl-3 text-slate-600 dark:border-slate-600 dark:text-slate-300"
        >
          {block.children.map(renderBlock)}
        </blockquote>
      );
    case "rule":
      return <hr key={key} className="border-slate-200 dark:border-slate-700" />;
  }
}

function renderInline(node: Inline, key: number): ReactNode {
  switch (node.type) {
    case "text":
      return node.text;
    case "code":
      return (
        <code key={key} className="mono rounded bg-slate-100 px-1 text-[0.85em] dark:bg-slate-800">
          {node.text}
        </code>
      );
    case "strong":
      return <strong key={key}>{node.children.map(renderInline)}</strong>;
    case "em":
      return <em key={key}>{node.children.map(renderInline)}</em>;
    case "del":
      return <del key={key}>{node.children.map(renderInline)}</del>;
    case "link": {
      // The tokenizer already checked the URL; checked again so this component is safe on its own.
      const href = safeLinkUrl(node.href);
      if (!href) return <Fragment key={key}>{node.children.map(renderInline)}</Fragment>;
      return (
        <a
          key={key}
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="text-indigo-700 underline hover:no-underline dark:text-indigo-300"
        >
          {node.children.map(renderInline)}
        </a>
      );
    }
  }
}
