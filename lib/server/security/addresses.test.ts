import { describe, expect, it } from "vitest";
import { addressViews, blockedAddressReason, cidrContains, parseCidr, privateAddressReason } from "./addresses";
import { parseRelayAllow, relayAddressRefusal, type TeamPolicy } from "./team";

describe("blocked addresses, every mode (docs/security.md §S12)", () => {
  it.each([
    ["169.254.169.254", /cloud metadata address 169\.254\.169\.254$/],
    ["169.254.10.1", /link-local/],
    ["169.254.170.2", /AWS ECS task metadata/],
    ["100.100.100.200", /Alibaba Cloud metadata/],
    ["192.0.0.192", /Oracle Cloud metadata/],
    ["168.63.129.16", /Azure host/],
    ["fe80::1", /link-local IPv6/],
    ["FEBF::abcd", /link-local IPv6/],
    ["fe80::1%eth0", /link-local IPv6/],
    ["fd00:ec2::254", /AWS metadata address fd00:ec2::254/],
    ["fd00:0ec2:0000::0254", /AWS metadata/],
    ["fd20:ce::254", /Google Cloud metadata/],
    ["0.0.0.0", /unspecified/],
  ])("refuses %s", (address, reason) => {
    expect(blockedAddressReason(address)).toMatch(reason);
  });

  // Each spelling that reaches 169.254.169.254 through a translator, a tunnel or the IPv4-in-IPv6 forms.
  it.each([
    ["::ffff:169.254.169.254", "IPv4-mapped, dotted"],
    ["::ffff:a9fe:a9fe", "IPv4-mapped, hex"],
    ["[::ffff:a9fe:a9fe]", "IPv4-mapped, as a URL host"],
    ["0:0:0:0:0:ffff:a9fe:a9fe", "IPv4-mapped, uncompressed"],
    ["::ffff:0:a9fe:a9fe", "SIIT (IPv4-translated)"],
    ["::a9fe:a9fe", "IPv4-compatible"],
    ["::169.254.169.254", "IPv4-compatible, dotted"],
    ["64:ff9b::a9fe:a9fe", "NAT64 well-known prefix"],
    ["64:ff9b::169.254.169.254", "NAT64, dotted"],
    ["64:ff9b:1:a9fe:a9:fea9:fe00:0", "local-use NAT64, /48 layout"],
    ["64:ff9b:1::a9fe:a9fe", "local-use NAT64, /96 layout"],
    ["2002:a9fe:a9fe::1", "6to4"],
    ["2001:0:4136:e378:8000:63bf:5601:5601", "Teredo client (inverted bits)"],
    ["2001:0:a9fe:a9fe::1", "Teredo server"],
    ["2001:db8::5efe:a9fe:a9fe", "ISATAP interface identifier"],
  ])("refuses %s (%s), which embeds 169.254.169.254", (address) => {
    expect(blockedAddressReason(address)).toMatch(/cloud metadata address 169\.254\.169\.254, embedded in /);
  });

  it("refuses Alibaba's metadata address in its embedded forms too", () => {
    for (const address of ["::ffff:100.100.100.200", "64:ff9b::6464:64c8", "2002:6464:64c8::1"])
      expect(blockedAddressReason(address), address).toMatch(/Alibaba/);
  });

  it.each([
    "127.0.0.1",
    "::1",
    "10.0.0.5",
    "192.168.1.2",
    "93.184.216.34",
    "fd00::1",
    "::ffff:127.0.0.1",
    "64:ff9b::808:808",
    "2002:808:808::1",
    "100.64.0.1",
    "192.0.2.10",
  ])("allows %s in local mode", (address) => {
    expect(blockedAddressReason(address)).toBeUndefined();
  });

  it("refuses what is not an IP address", () => {
    expect(blockedAddressReason("example.com")).toMatch(/not an IP address/);
  });
});

describe("private and loopback addresses (team mode)", () => {
  it.each([
    ["127.0.0.1", /loopback/],
    ["::7f00:1", /loopback.*embedded in ::7f00:1/],
    ["64:ff9b::a00:1", /10\.0\.0\.0\/8.*embedded/],
    ["2002:c0a8:101::1", /192\.168/],
    ["100.64.0.1", /carrier-grade/],
    ["192.0.0.8", /IETF protocol/],
    ["198.18.0.1", /benchmarking/],
    ["239.1.1.1", /multicast/],
    ["255.255.255.255", /reserved/],
    ["fec0::1", /site-local/],
    ["ff02::1", /multicast/],
    ["::", /unspecified IPv6/],
  ])("classifies %s", (address, reason) => {
    expect(privateAddressReason(address)).toMatch(reason);
  });

  it.each(["8.8.8.8", "64:ff9b::808:808", "2606:4700::1", "2002:808:808::1", "192.0.2.10"])(
    "leaves the public address %s alone",
    (address) => {
      expect(privateAddressReason(address)).toBeUndefined();
    },
  );
});

describe("allow-list entries (MCP_LENS_RELAY_ALLOW)", () => {
  it("match IPv4, IPv6 and embedded forms", () => {
    const c = parseCidr("172.16.0.0/12")!;
    expect(cidrContains(c, "172.31.255.255")).toBe(true);
    expect(cidrContains(c, "172.32.0.0")).toBe(false);
    expect(cidrContains(parseCidr("fc00::/7")!, "fdff::1")).toBe(true);
    expect(cidrContains(parseCidr("fc00::/7")!, "fe00::1")).toBe(false);
    expect(cidrContains(parseCidr("0.0.0.0/0")!, "8.8.8.8")).toBe(true);
    expect(cidrContains(parseCidr("10.0.0.0/8")!, "::ffff:10.0.0.1")).toBe(true);
    expect(cidrContains(parseCidr("10.0.0.0/8")!, "64:ff9b::a00:1")).toBe(true);
    expect(cidrContains(parseCidr("::ffff:10.0.0.0/104")!, "10.2.3.4")).toBe(true);
    expect(cidrContains(parseCidr("10.0.0.0/8")!, "fc00::1")).toBe(false);
    expect(cidrContains(parseCidr("::ffff:127.0.0.1")!, "127.0.0.1")).toBe(true);
    expect(cidrContains(parseCidr("127.0.0.1")!, "127.0.0.2")).toBe(false);
    expect(cidrContains(parseCidr("[::1]")!, "::1")).toBe(true);
  });

  it.each(["10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "10.0.0/8", "0x7f.1", "host.example", "::/129", "1.2.3.4/8/8"])(
    "rejects %s",
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );

  it("never allow metadata: 100.100.100.200 stays refused with 100.64.0.0/10 (or everything) allow-listed", () => {
    const team: TeamPolicy = {
      stdioAllow: [],
      relayAllow: parseRelayAllow("100.64.0.0/10, 0.0.0.0/0, ::/0, 64:ff9b::/96, 2002::/16"),
    };
    expect(relayAddressRefusal(team, "x.test", "100.64.0.1")).toBeUndefined();
    for (const address of [
      "100.100.100.200",
      "::ffff:100.100.100.200",
      "64:ff9b::6464:64c8",
      "64:ff9b::a9fe:a9fe",
      "2002:a9fe:a9fe::1",
      "::a9fe:a9fe",
      "169.254.170.2",
      "192.0.0.192",
    ]) {
      expect(relayAddressRefusal(team, "x.test", address), address).toMatch(/metadata/);
      expect(relayAddressRefusal(undefined, "x.test", address), address).toMatch(/metadata/);
    }
  });

  it("views: an address then the IPv4 addresses embedded in it", () => {
    expect(addressViews("2002:a9fe:a9fe::1")?.map(String)).toEqual(["2002:a9fe:a9fe::1", "169.254.169.254"]);
    expect(addressViews("8.8.8.8")?.map(String)).toEqual(["8.8.8.8"]);
    expect(addressViews("not-an-ip")).toBeUndefined();
  });
});
