import type { CreateMessageRequestParams } from "@modelcontextprotocol/client";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ServerRequests } from "@/lib/client";
import { SamplingCard } from "./SamplingCard";

const plain: CreateMessageRequestParams = {
  messages: [{ role: "user", content: { type: "text", text: "Say hi" } }],
  maxTokens: 20,
};
const withTools: CreateMessageRequestParams = {
  messages: [{ role: "user", content: { type: "text", text: "weather?" } }],
  maxTokens: 20,
  tools: [{ name: "get_weather", inputSchema: { type: "object" } }],
  toolChoice: { mode: "none" },
};

function card(params: CreateMessageRequestParams) {
  const requests = { answer: vi.fn(), reject: vi.fn() };
  render(<SamplingCard id="s1" params={params} requests={requests as unknown as ServerRequests} />);
  return requests;
}

describe("SamplingCard", () => {
  it("shows the request and sends a text answer from the manual model", async () => {
    const requests = card(plain);
    expect(screen.getByRole("list", { name: "Messages" }).textContent).toContain("Say hi");
    expect(screen.queryByRole("option", { name: "tool_use" })).toBeNull();
    await userEvent.type(screen.getByLabelText("Answer text"), "Hi!");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(requests.answer).toHaveBeenCalledWith("s1", {
      role: "assistant",
      model: "mcp-lens-manual",
      stopReason: "endTurn",
      content: { type: "text", text: "Hi!" },
    });
  });

  it("blocks an answer the schema would refuse and lists why", async () => {
    const requests = card(plain);
    await userEvent.clear(screen.getByLabelText("Model"));
    await userEvent.selectOptions(screen.getByLabelText("Content type"), "image");
    await userEvent.type(screen.getByLabelText("Image data (base64)"), "not base64!");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(requests.answer).not.toHaveBeenCalled();
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Name the model that answered.");
    expect(alert.textContent).toContain("the image data is not base64");
  });

  it("keeps each content type's answer while switching, and sends the chosen one with its role and stop reason", async () => {
    const requests = card(plain);
    await userEvent.type(screen.getByLabelText("Answer text"), "kept");
    await userEvent.selectOptions(screen.getByLabelText("Content type"), "image");
    await userEvent.selectOptions(screen.getByLabelText("Content type"), "text");
    expect((screen.getByLabelText("Answer text") as HTMLTextAreaElement).value).toBe("kept");
    await userEvent.selectOptions(screen.getByLabelText("Role"), "user");
    await userEvent.type(screen.getByLabelText("Stop reason"), "maxTokens");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(requests.answer).toHaveBeenCalledWith("s1", {
      role: "user",
      model: "mcp-lens-manual",
      stopReason: "maxTokens",
      content: { type: "text", text: "kept" },
    });
  });

  it("warns once about a tool_use a real model would not send, then sends it on the second Send", async () => {
    const requests = card(withTools);
    await userEvent.selectOptions(screen.getByLabelText("Content type"), "tool_use");
    expect((screen.getByLabelText("Tool to use") as HTMLSelectElement).value).toBe("get_weather");
    const input = screen.getByLabelText("Tool input (JSON)");
    await userEvent.clear(input);
    await userEvent.type(input, '{{"city":"Oslo"}');
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(requests.answer).not.toHaveBeenCalled();
    const note = screen.getByRole("note");
    expect(note.textContent).toContain('toolChoice "none"');
    expect(note.textContent).toContain("Send again to send it anyway.");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(requests.answer).toHaveBeenCalledWith("s1", {
      role: "assistant",
      model: "mcp-lens-manual",
      stopReason: "toolUse",
      content: { type: "tool_use", id: "toolu_lens_1", name: "get_weather", input: { city: "Oslo" } },
    });
  });

  it("rejects with the spec's error", async () => {
    const requests = card(plain);
    await userEvent.click(screen.getByRole("button", { name: "Reject" }));
    expect(requests.reject).toHaveBeenCalledWith("s1", -1, "User rejected sampling request");
    expect(requests.answer).not.toHaveBeenCalled();
  });
});
