"use client";
import type { Conversation, ConversationPart } from "@/lib/features";
import { ContentBlockView } from "../results/ContentBlockView";
import { ResourceItemView } from "./ResourceItemView";
import { NOTE, WARN } from "./ui";

const ROLE_STYLE: Record<string, string> = {
  user: "border-sky-200 bg-sky-50/60 dark:border-sky-900 dark:bg-sky-950/30",
  assistant: "border-emerald-200 bg-emerald-50/60 dark:border-emerald-900 dark:bg-emerald-950/30",
};

/** What `prompts/get` produced: its messages in order, each with its role and content parts. */
export function ConversationView({
  conversation,
  onOpenResource,
}: {
  conversation: Conversation;
  onOpenResource?: (uri: string) => void;
}) {
  return (
    <section aria-label="Conversation" className="flex flex-col gap-2">
      {conversation.description && (
        <p className="text-sm whitespace-pre-wrap text-slate-700 dark:text-slate-300">{conversation.description}</p>
      )}
      {conversation.problems.length > 0 && (
        <ul aria-label="Problems" className={WARN}>
          {conversation.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {conversation.messages.length === 0 && <p className={NOTE}>No messages.</p>}
      <ol className="flex flex-col gap-2">
        {conversation.messages.map((m, i) => (
          <li key={i}>
            <article
              aria-label={`Message ${i + 1} (${m.role})`}
              className={`flex flex-col gap-1.5 rounded border p-2 ${ROLE_STYLE[m.role] ?? "border-slate-200 dark:border-slate-700"}`}
            >
              <header className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
                {m.role}
              </header>
              {m.parts.map((part, k) => (
                <Part key={k} part={part} index={k} onOpenResource={onOpenResource} />
              ))}
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Part({
  part,
  index,
  onOpenResource,
}: {
  part: ConversationPart;
  index: number;
  onOpenResource?: (uri: string) => void;
}) {
  // An embedded resource is shown as a resource read shows it (mime, size, preview, download).
  if (part.resource) return <ResourceItemView item={part.resource} index={index} />;
  const c = part.content;
  return (
    <ContentBlockView block={c.kind === "unknown" ? c.raw : c.block} index={index} onOpenResource={onOpenResource} />
  );
}
