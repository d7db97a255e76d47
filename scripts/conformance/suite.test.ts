import { describe, expect, it } from "vitest";
import { parseClientList } from "./suite";

/** `conformance list --client --requirements 2025-11-25` of @modelcontextprotocol/conformance 0.2.0-alpha.12, shortened. */
const LISTED = `Required for 2025-11-25 (48 scenarios, frozen; run at the 2025-11-25 wire):

Server scenarios (test against a server):
  - server-initialize
  - ping

Client scenarios (test against a client):
  - initialize
  - tools_call
  - auth/metadata-default

Run and reported, but never scored:
  extension (2):
    - auth/client-credentials-jwt [client]
    - auth/dpop [client]
  added-after-release (2):
    - server-session-lifecycle [server]
    - json-schema-2020-12-preservation [client]
  pending (1):
    - server-sse-polling [server]
`;

describe("parseClientList", () => {
  it("the required client scenarios, then the client ones run but not scored, with the reason", () => {
    expect(parseClientList(LISTED)).toEqual([
      { scenario: "initialize" },
      { scenario: "tools_call" },
      { scenario: "auth/metadata-default" },
      { scenario: "auth/client-credentials-jwt", notScored: "extension" },
      { scenario: "auth/dpop", notScored: "extension" },
      { scenario: "json-schema-2020-12-preservation", notScored: "added-after-release" },
    ]);
  });
});
