import { describe, expect, it } from "vitest";
import { addressBytes, cidrContains, parseCidr } from "./cidr";

describe("CIDR matching", () => {
  it("reads IPv4, IPv6 and IPv4-mapped IPv6 (dotted and hex) as bytes", () => {
    expect(addressBytes("10.1.2.3")).toEqual([10, 1, 2, 3]);
    expect(addressBytes("::ffff:10.1.2.3")).toEqual([10, 1, 2, 3]);
    expect(addressBytes("[::ffff:a01:203]")).toEqual([10, 1, 2, 3]);
    expect(addressBytes("::1")).toEqual([...Array<number>(15).fill(0), 1]);
    expect(addressBytes("example.com")).toBeUndefined();
  });

  it("matches prefixes of any length", () => {
    const c = parseCidr("172.16.0.0/12")!;
    expect(cidrContains(c, "172.31.255.255")).toBe(true);
    expect(cidrContains(c, "172.32.0.0")).toBe(false);
    expect(cidrContains(parseCidr("fc00::/7")!, "fdff::1")).toBe(true);
    expect(cidrContains(parseCidr("fc00::/7")!, "fe00::1")).toBe(false);
    expect(cidrContains(parseCidr("0.0.0.0/0")!, "8.8.8.8")).toBe(true);
    expect(cidrContains(parseCidr("10.0.0.0/8")!, "::ffff:10.0.0.1")).toBe(true);
    expect(cidrContains(parseCidr("::ffff:10.0.0.0/104")!, "10.2.3.4")).toBe(true);
    expect(cidrContains(parseCidr("10.0.0.0/8")!, "fc00::1")).toBe(false);
    expect(cidrContains(parseCidr("::ffff:127.0.0.1")!, "127.0.0.1")).toBe(true);
    expect(cidrContains(parseCidr("127.0.0.1")!, "127.0.0.2")).toBe(false);
  });

  it.each(["10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "10.0.0/8", "host.example", "::/129", "1.2.3.4/8/8"])("rejects %s", (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});
