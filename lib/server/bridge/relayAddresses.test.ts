/**
 * Issue 19 item 9: the relay refuses metadata and link-local addresses in every spelling, as URL
 * literals and after DNS resolution, in both modes, whatever the allowlist says.
 */
import { describe, expect, it } from "vitest";
import { parseRelayAllow, type TeamPolicy } from "../security/team";
import { RELAY_ERROR_HEADER, RELAY_TARGET_HEADER } from "../../base";
import { relayWith, type Lookup } from "./relay";

const FORMS = {
  "nat64.test": "64:ff9b::a9fe:a9fe",
  "nat64-local.test": "64:ff9b:1::a9fe:a9fe",
  "sixtofour.test": "2002:a9fe:a9fe::1",
  "compat.test": "::a9fe:a9fe",
  "mapped.test": "::ffff:169.254.169.254",
  "teredo.test": "2001:0:4136:e378:8000:63bf:5601:5601",
  "alibaba.test": "100.100.100.200",
  "alibaba-mapped.test": "::ffff:6464:64c8",
  "ecs.test": "169.254.170.2",
  "oracle.test": "192.0.0.192",
  "aws6.test": "fd00:ec2::254",
} as const;

/** A resolver we control: each test host name answers with one of the forms; it counts its calls. */
function resolver(): { lookup: Lookup; calls: string[] } {
  const calls: string[] = [];
  const lookup: Lookup = (host, _opts, cb) => {
    calls.push(host);
    const address = FORMS[host as keyof typeof FORMS];
    if (!address) return cb(Object.assign(new Error("not found"), { code: "ENOTFOUND" }), []);
    cb(null, [{ address, family: address.includes(":") ? 6 : 4 }]);
  };
  return { lookup, calls };
}

const request = (url: string) =>
  new Request("http://127.0.0.1/api/relay", {
    method: "POST",
    headers: { [RELAY_TARGET_HEADER]: encodeURIComponent(JSON.stringify({ url, method: "GET", headers: {} })) },
  });
const team = (allow: string): TeamPolicy => ({ stdioAllow: [], relayAllow: parseRelayAllow(allow) });

describe("the relay and embedded or metadata addresses (issue 19 item 9)", () => {
  const modes: Array<[string, TeamPolicy | undefined]> = [
    ["local mode", undefined],
    [
      "team mode with 100.64.0.0/10 and every private range allow-listed",
      team("100.64.0.0/10, 0.0.0.0/0, ::/0, 64:ff9b::/96, 2002::/16, alibaba.test, nat64.test"),
    ],
  ];

  for (const [mode, policy] of modes) {
    it.each(Object.entries(FORMS))(
      `${mode}: refuses a host name resolving to %s → %s, after the lookup`,
      async (host) => {
        const { lookup, calls } = resolver();
        const res = await relayWith(request(`http://${host}:8080/latest/meta-data/`), lookup, policy);
        expect(calls).toEqual([host]);
        expect(res.status).toBe(502);
        expect(res.headers.get(RELAY_ERROR_HEADER)).toBe("1");
        const { error } = (await res.json()) as { error: string };
        expect(error).toMatch(
          new RegExp(`^Refused to connect: ${host.replace(/\./g, "\\.")} resolves to the .*(metadata|WireServer)`),
        );
      },
    );

    it.each([
      "http://[64:ff9b::a9fe:a9fe]/",
      "http://[2002:a9fe:a9fe::1]/",
      "http://[::a9fe:a9fe]/",
      "http://[::ffff:169.254.169.254]/",
      "http://100.100.100.200/",
      "http://0xa9fea9fe/",
      "http://2852039166/",
      "http://169.254.169.254./",
    ])(`${mode}: refuses the literal %s without a lookup`, async (url) => {
      const { lookup, calls } = resolver();
      const res = await relayWith(request(url), lookup, policy);
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: string }).error).toMatch(/^Refused to connect: the .*metadata address/);
      expect(calls).toEqual([]);
    });
  }
});
