import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Where the relay may connect (docs/security.md §S12 and §I9): one range table, matched with
 * ipaddr.js against an address and every IPv4 address embedded in it (IPv4-mapped, IPv4-compatible,
 * SIIT, NAT64, 6to4, Teredo, ISATAP), since a translator or tunnel delivers such an address to
 * its IPv4 part.
 */
type IP = ipaddr.IPv4 | ipaddr.IPv6;
type Scope = "always" | "team";

const RANGES: Array<[cidr: string, scope: Scope, reason: string]> = [
  // Refused in every mode, whatever MCP_LENS_RELAY_ALLOW says: cloud metadata first, for the clearer reason.
  ["169.254.169.254/32", "always", "the cloud metadata address 169.254.169.254"],
  ["169.254.170.2/32", "always", "the AWS ECS task metadata address 169.254.170.2"],
  ["100.100.100.200/32", "always", "the Alibaba Cloud metadata address 100.100.100.200"],
  ["192.0.0.192/32", "always", "the Oracle Cloud metadata address 192.0.0.192"],
  ["168.63.129.16/32", "always", "the Azure host (WireServer) address 168.63.129.16"],
  ["fd00:ec2::254/128", "always", "the AWS metadata address fd00:ec2::254"],
  ["fd20:ce::254/128", "always", "the Google Cloud metadata address fd20:ce::254"],
  ["169.254.0.0/16", "always", "a link-local address (169.254.0.0/16)"],
  ["fe80::/10", "always", "a link-local IPv6 address (fe80::/10)"],
  ["0.0.0.0/32", "always", "the unspecified address 0.0.0.0"],
  // Loopback, private and other non-public ranges: allowed in local mode, refused in team mode unless allow-listed.
  ["0.0.0.0/8", "team", 'the unspecified/"this network" range 0.0.0.0/8'],
  ["127.0.0.0/8", "team", "a loopback address (127.0.0.0/8)"],
  ["10.0.0.0/8", "team", "a private address (10.0.0.0/8)"],
  ["172.16.0.0/12", "team", "a private address (172.16.0.0/12)"],
  ["192.168.0.0/16", "team", "a private address (192.168.0.0/16)"],
  ["100.64.0.0/10", "team", "a shared (carrier-grade NAT) address (100.64.0.0/10)"],
  ["192.0.0.0/24", "team", "an IETF protocol address (192.0.0.0/24)"],
  ["198.18.0.0/15", "team", "a benchmarking address (198.18.0.0/15)"],
  ["224.0.0.0/3", "team", "a multicast or reserved address (224.0.0.0/3)"],
  ["::1/128", "team", "the IPv6 loopback address ::1"],
  ["::/128", "team", "the unspecified IPv6 address ::"],
  ["fc00::/7", "team", "a unique-local IPv6 address (fc00::/7)"],
  ["fec0::/10", "team", "a site-local IPv6 address (fec0::/10)"],
  ["ff00::/8", "team", "a multicast IPv6 address (ff00::/8)"],
];
const TABLE = RANGES.map(([cidr, scope, reason]) => ({ range: ipaddr.parseCIDR(cidr), scope, reason }));

/** A parsed allow-list entry: a range, or a single address as a full-length prefix. */
export interface Cidr {
  range: [IP, number];
}

/** The address itself, then every IPv4 address embedded in it. Undefined when `address` is no IP literal. */
export function addressViews(address: string): IP[] | undefined {
  const text = address.replace(/^\[|\]$/g, "");
  if (!isIP(text)) return undefined;
  const ip = ipaddr.parse(text);
  return ip.kind() === "ipv6" ? [ip, ...embeddedIPv4(ip as ipaddr.IPv6)] : [ip];
}

function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4[] {
  const p = ip.parts;
  const b = ip.toByteArray();
  const v4 = (...at: number[]) => new ipaddr.IPv4(at.map((i) => b[i]!));
  const last = () => v4(12, 13, 14, 15);
  const zero = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  const out: ipaddr.IPv4[] = [];
  if (zero(0, 5) && p[5] === 0xffff) out.push(last()); // ::ffff:0:0/96, IPv4-mapped
  if (zero(0, 4) && p[4] === 0xffff && p[5] === 0) out.push(last()); // ::ffff:0:0:0/96, SIIT (RFC 2765)
  if (zero(0, 6) && (p[6] !== 0 || p[7]! > 1)) out.push(last()); // ::/96, IPv4-compatible (not :: or ::1)
  if (p[0] === 0x64 && p[1] === 0xff9b) {
    if (zero(2, 6)) out.push(last()); // 64:ff9b::/96, NAT64 (RFC 6052)
    // 64:ff9b:1::/48, local-use NAT64 (RFC 8215): the IPv4 part sits where the network's prefix length puts it.
    if (p[2] === 1) out.push(v4(6, 7, 9, 10), v4(7, 9, 10, 11), v4(9, 10, 11, 12), last());
  }
  if (p[0] === 0x2002) out.push(v4(2, 3, 4, 5)); // 2002::/16, 6to4
  if (p[0] === 0x2001 && p[1] === 0) out.push(v4(4, 5, 6, 7), new ipaddr.IPv4(b.slice(12).map((x) => x ^ 0xff))); // Teredo: server, client
  if ((p[4]! & 0xfcff) === 0 && p[5] === 0x5efe) out.push(last()); // ISATAP interface identifier
  return out;
}

function inRange(view: IP, range: [IP, number]): boolean {
  return view.kind() === range[0].kind() && view.match(range);
}

function classify(address: string): { scope: Scope; reason: string } | undefined {
  const views = addressViews(address);
  if (!views) return undefined;
  for (const { range, scope, reason } of TABLE) {
    const view = views.find((v) => inRange(v, range));
    if (view) return { scope, reason: view === views[0] ? reason : `${reason}, embedded in ${views[0]!.toString()}` };
  }
  return undefined;
}

/** Why the relay never connects to `address`, in any mode: link-local and cloud metadata, in any spelling. */
export function blockedAddressReason(address: string): string | undefined {
  if (!addressViews(address)) return `${JSON.stringify(address.slice(0, 100))}, which is not an IP address`;
  const c = classify(address);
  return c?.scope === "always" ? c.reason : undefined;
}

/** Why `address` is loopback, private or otherwise not public (refused in team mode unless allow-listed), or undefined. */
export function privateAddressReason(address: string): string | undefined {
  return classify(address)?.reason;
}

/** `10.0.0.0/8`, `fc00::/7`, or a single address. A mapped form (`::ffff:10.0.0.0/104`) is the IPv4 range it names. */
export function parseCidr(text: string): Cidr | undefined {
  const [addr = "", prefixText, extra] = text.trim().split("/");
  const bare = addr.replace(/^\[|\]$/g, "");
  if (extra !== undefined || !isIP(bare)) return undefined;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  let ip: IP = ipaddr.parse(bare);
  let bits = prefixText === undefined ? (ip.kind() === "ipv4" ? 32 : 128) : Number(prefixText);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    ip = (ip as ipaddr.IPv6).toIPv4Address();
    bits -= 96;
  }
  if (bits > (ip.kind() === "ipv4" ? 32 : 128)) return undefined;
  return { range: [ip, bits] };
}

/** Does the range hold `address`, or an IPv4 address embedded in it? */
export function cidrContains(cidr: Cidr, address: string): boolean {
  return addressViews(address)?.some((v) => inRange(v, cidr.range)) ?? false;
}
