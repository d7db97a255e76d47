import { isIP } from "node:net";

/** An address as bytes: 4 for IPv4 (IPv4-mapped IPv6 is unmapped to its IPv4 form), 16 for IPv6. */
export function addressBytes(address: string): number[] | undefined {
  const a = address.replace(/^\[|\]$/g, "").toLowerCase();
  const family = isIP(a);
  if (family === 4) return a.split(".").map(Number);
  if (family !== 6) return undefined;
  const bytes = v6Bytes(a);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12) : bytes;
}

export interface Cidr {
  bytes: number[];
  prefix: number;
}

/** `10.0.0.0/8`, `fc00::/7`, or a single address (a full-length prefix). Undefined when not one. */
export function parseCidr(text: string): Cidr | undefined {
  const [addr = "", prefixText, extra] = text.trim().split("/");
  if (extra !== undefined) return undefined;
  const bytes = addressBytes(addr);
  if (!bytes) return undefined;
  // A mapped form (::ffff:10.0.0.0/104) is taken as the IPv4 range it names.
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const max = bytes.length * 8;
  const given = prefixText === undefined ? max : Number(prefixText);
  const mapped = prefixText !== undefined && isIP(addr.replace(/^\[|\]$/g, "")) === 6 && bytes.length === 4;
  const prefix = mapped ? given - 96 : given;
  if (prefix < 0 || prefix > max) return undefined;
  return { bytes, prefix };
}

export function cidrContains(cidr: Cidr, address: string): boolean {
  const bytes = addressBytes(address);
  if (!bytes || bytes.length !== cidr.bytes.length) return false;
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i]! & mask) !== (cidr.bytes[i]! & mask)) return false;
  }
  return true;
}

function v6Bytes(v6: string): number[] {
  // A trailing dotted IPv4 part (::ffff:1.2.3.4) becomes two hex groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(v6);
  const text = dotted
    ? v6.slice(0, dotted.index) + [((+dotted[1]! << 8) | +dotted[2]!).toString(16), ((+dotted[3]! << 8) | +dotted[4]!).toString(16)].join(":")
    : v6;
  const [head = "", tail] = text.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}
