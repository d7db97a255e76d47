import { describe, expect, it } from "vitest";
import { LaunchKeys, mintLaunchKey, newMasterKey } from "../server";
import { obtainToken, PAIRING_STORAGE_KEY, parseProof, type PageAccessDeps } from "./pageAccess";
import { SessionIssuer } from "../server";

const TOKEN = "t".repeat(64);
const master = newMasterKey();

/** A browser profile: one cookie jar and one localStorage shared by its tabs, talking to the issuer. */
function browserProfile(issuer: SessionIssuer) {
  const cookies = new Map<string, string>();
  const storage = new Map<string, string>();
  const requests: Record<string, string>[] = [];
  const tab = (href: string) => {
    const tabState = { href };
    const deps: PageAccessDeps = {
      href,
      replaceUrl: (url) => (tabState.href = url),
      storage: {
        getItem: (k) => storage.get(k) ?? null,
        setItem: (k, v) => void storage.set(k, v),
        removeItem: (k) => void storage.delete(k),
      },
      fetch: async (_url, init) => {
        const headers = {
          ...(init.headers as Record<string, string>),
          ...(cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
        };
        requests.push(headers);
        const answer = issuer.exchange(headers);
        const set = answer.headers["set-cookie"];
        if (set) {
          const [pair] = set.split(";");
          const [k, v] = pair!.split("=") as [string, string];
          cookies.set(k, v);
        }
        return Response.json(answer.body, { status: answer.status });
      },
    };
    return { deps, tabState };
  };
  return { cookies, storage, requests, tab };
}

const issuer = () =>
  new SessionIssuer({ token: TOKEN, port: () => 6274, launchKeys: new LaunchKeys(master), team: false });

describe("the page's way in (issue 19, item 1)", () => {
  it("takes the key from the fragment, removes it at once, gets the token; reload and a second tab get it again", async () => {
    const profile = browserProfile(issuer());
    const key = mintLaunchKey(master);
    const first = profile.tab(`http://127.0.0.1:6274/?x=1#k=${key}`);
    expect(await obtainToken(first.deps)).toEqual({ ok: true, token: TOKEN });
    expect(first.tabState.href).toBe("http://127.0.0.1:6274/?x=1");
    expect(profile.storage.get(PAIRING_STORAGE_KEY)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A reload of the same URL (the fragment is gone) and a second tab.
    for (const href of ["http://127.0.0.1:6274/?x=1", "http://127.0.0.1:6274/"]) {
      expect(await obtainToken(profile.tab(href).deps)).toEqual({ ok: true, token: TOKEN });
    }
    expect(profile.requests.map((r) => r["x-mcp-lens-auth"]!.split(" ")[0])).toEqual(["launch", "pairing", "pairing"]);
  });

  it("a used launch link in a browser that has a session still opens (through the pairing)", async () => {
    const profile = browserProfile(issuer());
    const key = mintLaunchKey(master);
    await obtainToken(profile.tab(`http://127.0.0.1:6274/#k=${key}`).deps);
    expect(await obtainToken(profile.tab(`http://127.0.0.1:6274/#k=${key}`).deps)).toEqual({ ok: true, token: TOKEN });
  });

  it("another browser with the used link, or with nothing, gets no token and the reason", async () => {
    const s = issuer();
    const key = mintLaunchKey(master);
    await obtainToken(browserProfile(s).tab(`http://127.0.0.1:6274/#k=${key}`).deps);
    const other = browserProfile(s);
    expect(await obtainToken(other.tab(`http://127.0.0.1:6274/#k=${key}`).deps)).toEqual({
      ok: false,
      message: expect.stringMatching(/already used/),
    });
    expect(await obtainToken(other.tab("http://127.0.0.1:6274/").deps)).toEqual({
      ok: false,
      message: expect.stringMatching(/no launch key/),
    });
  });

  it("after a restart the stale pairing is dropped and the page says how to get in", async () => {
    const profile = browserProfile(issuer());
    await obtainToken(profile.tab(`http://127.0.0.1:6274/#k=${mintLaunchKey(master)}`).deps);
    const restarted = browserProfile(issuer());
    for (const [k, v] of profile.storage) restarted.storage.set(k, v);
    for (const [k, v] of profile.cookies) restarted.cookies.set(k, v);
    const result = await obtainToken(restarted.tab("http://127.0.0.1:6274/").deps);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/not valid .*--print-url/) });
    expect(restarted.storage.has(PAIRING_STORAGE_KEY)).toBe(false);
  });

  it("parses only the three proof forms", () => {
    expect(parseProof("launch abc.def")).toEqual({ kind: "launch", key: "abc.def" });
    expect(parseProof("pairing xyz")).toEqual({ kind: "pairing", value: "xyz" });
    expect(parseProof("none")).toEqual({ kind: "none" });
    for (const bad of ["launch", "none x", "pairing a b", "Launch x", "", undefined])
      expect(parseProof(bad), String(bad)).toBeUndefined();
  });
});
