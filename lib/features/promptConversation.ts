import { classifyContent, type ClassifiedContent } from "../results";
import { classifyResourceItem, type ResourceItem } from "./resourceContent";
import { isRecord } from "../base";

/** One content block of a prompt message; an embedded resource also comes classified for display. */
export interface ConversationPart {
  content: ClassifiedContent;
  /** For `resource` content: the embedded resource, as a resource read shows it. */
  resource?: ResourceItem;
}

export interface ConversationMessage {
  /** `user` or `assistant`; anything else is kept as sent (and reported in `problems`). */
  role: string;
  parts: ConversationPart[];
}

/** The conversation a `prompts/get` result produces: its messages in order, with roles. */
export interface Conversation {
  description?: string;
  messages: ConversationMessage[];
  /** What was malformed (shown, not hidden): a missing `messages` array, an unknown role, … */
  problems: string[];
}

export function promptConversation(result: unknown): Conversation {
  const problems: string[] = [];
  const r = isRecord(result) ? result : {};
  const description = typeof r.description === "string" ? r.description : undefined;
  if (!Array.isArray(r.messages)) {
    problems.push("the result has no `messages` array");
    return { ...(description !== undefined && { description }), messages: [], problems };
  }
  const messages = r.messages.map((m, i): ConversationMessage => {
    const msg = isRecord(m) ? m : {};
    let role = typeof msg.role === "string" ? msg.role : "(none)";
    if (role !== "user" && role !== "assistant")
      problems.push(`message ${i + 1}: unknown role ${JSON.stringify(msg.role ?? null).slice(0, 40)}`);
    if (role.length > 40) role = `${role.slice(0, 40)}…`;
    // PromptMessage.content is one block; tolerate a list.
    const blocks = Array.isArray(msg.content) ? msg.content : [msg.content];
    return { role, parts: blocks.map(toPart) };
  });
  return { ...(description !== undefined && { description }), messages, problems };
}

function toPart(block: unknown): ConversationPart {
  const content = classifyContent(block);
  if (content.kind === "resource") return { content, resource: classifyResourceItem(content.block.resource) };
  return { content };
}
