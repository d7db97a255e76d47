import { describe, expect, it } from "vitest";
import { LAUNCH_KEY_TTL_MS, LaunchKeys, launchUrl, mintLaunchKey, newMasterKey } from "./launch";

describe("launch keys (issue 19, item 1)", () => {
  const master = newMasterKey();
  const now = Date.UTC(2026, 11, 4, 12);

  it("a minted key is accepted once, then refused as used", () => {
    const keys = new LaunchKeys(master);
    const key = mintLaunchKey(master, now);
    expect(keys.redeem(key, now + 1000)).toEqual({ ok: true });
    expect(keys.redeem(key, now + 2000)).toEqual({ ok: false, reason: "used" });
    expect(keys.redeem(mintLaunchKey(master, now), now + 3000)).toEqual({ ok: true }); // another key still works
  });

  it("keys are 256-bit-MAC'd, random and put in the fragment", () => {
    const a = mintLaunchKey(master, now);
    expect(a).toMatch(/^\d+-[0-9a-f]{32}\.[A-Za-z0-9_-]{43}$/);
    expect(mintLaunchKey(master, now)).not.toBe(a);
    expect(launchUrl("http://127.0.0.1:6274", a)).toBe(`http://127.0.0.1:6274/#k=${a}`);
    expect(newMasterKey()).not.toBe(master);
  });

  it("an expired key, or one from the future, is refused", () => {
    const keys = new LaunchKeys(master);
    expect(keys.redeem(mintLaunchKey(master, now - LAUNCH_KEY_TTL_MS - 1000), now)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(keys.redeem(mintLaunchKey(master, now + 10 * 60_000), now)).toEqual({ ok: false, reason: "expired" });
    expect(keys.redeem(mintLaunchKey(master, now - LAUNCH_KEY_TTL_MS + 5000), now)).toEqual({ ok: true });
  });

  it("a key with a bad MAC (forged, another start's master, altered time or nonce) is refused", () => {
    const keys = new LaunchKeys(master);
    const key = mintLaunchKey(master, now);
    const [nonce, mac] = key.split(".") as [string, string];
    const flipped = mac.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    expect(keys.redeem(`${nonce}.${flipped}`, now)).toEqual({ ok: false, reason: "forged" });
    expect(keys.redeem(mintLaunchKey(newMasterKey(), now), now)).toEqual({ ok: false, reason: "forged" });
    const later = nonce.replace(/^\d+/, (t) => String(Number(t) + 60));
    expect(keys.redeem(`${later}.${mac}`, now)).toEqual({ ok: false, reason: "forged" });
    expect(keys.redeem(key, now)).toEqual({ ok: true }); // the failures did not use it up
  });

  it.each(["", "k", "123-abc.def", `${"1".repeat(16)}-${"a".repeat(32)}.${"A".repeat(43)}`, undefined])(
    "refuses the malformed key %j",
    (key) => {
      expect(new LaunchKeys(master).redeem(key, now)).toEqual({ ok: false, reason: "malformed" });
    },
  );

  it("forgets used keys once they would have expired anyway", () => {
    const keys = new LaunchKeys(master, 1000);
    const key = mintLaunchKey(master, now);
    expect(keys.redeem(key, now).ok).toBe(true);
    expect(keys.redeem(mintLaunchKey(master, now + 5000), now + 5000).ok).toBe(true);
    expect((keys as unknown as { used: Map<string, number> }).used.size).toBe(1);
  });
});
