import { isIP } from "node:net";
import { cidrContains, parseCidr } from "./cidr";

/**
 * Addresses the relay never connects to (SECURITY.md rule 12): link-local, including the
 * cloud metadata endpoints, in IPv4, IPv6 and IPv4-mapped IPv6 form.
 */
export function blockedAddressReason(address: string): string | undefined {
  const family = isIP(address);
  if (family === 4) return blockedV4(address);
  if (family === 6) {
    const lower = address.toLowerCase();
    const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)?.[1] ?? mappedHex(lower);
    if (mapped) return blockedV4(mapped);
    if (/^fe[89ab][0-9a-f]?:/.test(lower)) return "a link-local IPv6 address (fe80::/10)";
    if (expandV6(lower) === "fd00:0ec2:0000:0000:0000:0000:0000:0254") return "the cloud metadata address fd00:ec2::254";
  }
  return undefined;
}

function blockedV4(address: string): string | undefined {
  if (address.startsWith("169.254.")) return address === "169.254.169.254" ? "the cloud metadata address 169.254.169.254" : "a link-local address (169.254.0.0/16)";
  if (address === "0.0.0.0") return "the unspecified address 0.0.0.0";
  return undefined;
}

/** `::ffff:a9fe:a9fe` → `169.254.169.254`. */
function mappedHex(v6: string): string | undefined {
  const m = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
  if (!m) return undefined;
  const hi = parseInt(m[1]!, 16);
  const lo = parseInt(m[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

function expandV6(v6: string): string {
  const [head = "", tail] = v6.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return groups.map((g) => g.padStart(4, "0")).join(":");
}

/** Loopback and private ranges: allowed in local mode, refused by the relay in team mode unless allow-listed (rule 12). */
const PRIVATE_RANGES: Array<[string, string]> = [
  ["0.0.0.0/8", "the unspecified/\"this network\" range 0.0.0.0/8"],
  ["127.0.0.0/8", "a loopback address (127.0.0.0/8)"],
  ["10.0.0.0/8", "a private address (10.0.0.0/8)"],
  ["172.16.0.0/12", "a private address (172.16.0.0/12)"],
  ["192.168.0.0/16", "a private address (192.168.0.0/16)"],
  ["100.64.0.0/10", "a shared (carrier-grade NAT) address (100.64.0.0/10)"],
  ["::1/128", "the IPv6 loopback address ::1"],
  ["::/128", "the unspecified IPv6 address ::"],
  ["fc00::/7", "a unique-local IPv6 address (fc00::/7)"],
];
const PRIVATE_CIDRS = PRIVATE_RANGES.map(([range, reason]) => ({ cidr: parseCidr(range)!, reason }));

/** Why `address` is loopback or private (IPv4-mapped IPv6 forms included), or undefined when it is neither. */
export function privateAddressReason(address: string): string | undefined {
  return PRIVATE_CIDRS.find(({ cidr }) => cidrContains(cidr, address))?.reason;
}
