import { describe, expect, it } from "vitest";
import { blockedAddressReason } from "./addresses";

describe("blocked addresses (rule 12)", () => {
  it.each([
    ["169.254.169.254", /metadata/],
    ["169.254.10.1", /link-local/],
    ["fe80::1", /link-local IPv6/],
    ["FEBF::abcd", /link-local IPv6/],
    ["fd00:ec2::254", /metadata/],
    ["::ffff:169.254.169.254", /metadata/],
    ["::ffff:a9fe:a9fe", /metadata/],
    ["0.0.0.0", /unspecified/],
  ])("refuses %s", (address, reason) => {
    expect(blockedAddressReason(address)).toMatch(reason);
  });

  it.each(["127.0.0.1", "::1", "10.0.0.5", "192.168.1.2", "93.184.216.34", "fd00::1", "::ffff:127.0.0.1"])("allows %s in local mode", (address) => {
    expect(blockedAddressReason(address)).toBeUndefined();
  });
});
