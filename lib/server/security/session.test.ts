import { describe, expect, it } from "vitest";
import { LaunchKeys, mintLaunchKey, newMasterKey } from "./launch";
import { cookieValues, SessionIssuer } from "./session";

const TOKEN = "t".repeat(64);
const master = newMasterKey();
const issuer = (team = false) =>
  new SessionIssuer({ token: TOKEN, port: () => 6274, launchKeys: new LaunchKeys(master), team });
const launch = (key: string) => ({ "x-mcp-lens-auth": `launch ${key}` });

/** A successful launch exchange: the browser's cookie and the pairing value. */
function signIn(s: SessionIssuer): { cookie: string; pairing: string } {
  const answer = s.exchange(launch(mintLaunchKey(master)));
  expect(answer.status).toBe(200);
  const setCookie = answer.headers["set-cookie"]!;
  expect(setCookie).toMatch(/^mcp-lens-6274=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
  return { cookie: setCookie.split(";")[0]!, pairing: (answer.body as { pairing: string }).pairing };
}

describe("the token exchange (issue 19, item 1)", () => {
  it("a launch key gets the token, a cookie and a pairing value; the key works once", () => {
    const s = issuer();
    const key = mintLaunchKey(master);
    const first = s.exchange(launch(key));
    expect(first).toMatchObject({
      status: 200,
      body: { token: TOKEN, pairing: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
      headers: { "cache-control": "no-store" },
    });
    const again = s.exchange(launch(key));
    expect(again).toMatchObject({ status: 401, body: { error: expect.stringMatching(/already used/) } });
    expect(JSON.stringify(again)).not.toContain(TOKEN);
  });

  it("a forged or expired key is refused without the token", () => {
    const s = issuer();
    const forged = s.exchange(launch(mintLaunchKey(newMasterKey())));
    expect(forged).toMatchObject({
      status: 401,
      body: { error: expect.stringMatching(/not valid for this MCP Lens/) },
    });
    const expired = s.exchange(launch(mintLaunchKey(master, Date.now() - 25 * 3600_000)));
    expect(expired).toMatchObject({ status: 401, body: { error: expect.stringMatching(/expired/) } });
    for (const a of [forged, expired]) expect(JSON.stringify(a)).not.toContain(TOKEN);
  });

  it("cookie + pairing get the token again; either half alone, or halves of two sign-ins, do not", () => {
    const s = issuer();
    const a = signIn(s);
    const b = signIn(s);
    expect(s.exchange({ cookie: a.cookie, "x-mcp-lens-auth": `pairing ${a.pairing}` })).toMatchObject({
      status: 200,
      body: { token: TOKEN },
    });
    expect(
      s.exchange({ cookie: `other=1; ${b.cookie}; x=y`, "x-mcp-lens-auth": `pairing ${b.pairing}` }),
    ).toMatchObject({ status: 200 });
    const refused = [
      s.exchange({ cookie: a.cookie, "x-mcp-lens-auth": "none" }), // cookie only (what a program on another port receives)
      s.exchange({ "x-mcp-lens-auth": `pairing ${a.pairing}` }), // pairing only
      s.exchange({ cookie: a.cookie, "x-mcp-lens-auth": `pairing ${b.pairing}` }),
      s.exchange({ cookie: a.cookie.replace("6274", "6275"), "x-mcp-lens-auth": `pairing ${a.pairing}` }), // another port's cookie name
      s.exchange({
        cookie: a.cookie,
        "x-mcp-lens-auth": `pairing ${a.pairing.replace(/^./, (c) => (c === "A" ? "B" : "A"))}`,
      }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(401);
      expect(JSON.stringify(r)).not.toContain(TOKEN);
    }
  });

  it("a pairing does not survive a restart (new pairing key)", () => {
    const a = signIn(issuer());
    expect(issuer().exchange({ cookie: a.cookie, "x-mcp-lens-auth": `pairing ${a.pairing}` }).status).toBe(401);
  });

  it("an attacker-set cookie beside ours does not get in, and does not lock ours out", () => {
    const s = issuer();
    const a = signIn(s);
    const tossed = "mcp-lens-6274=attacker-chosen-value";
    expect(s.exchange({ cookie: tossed, "x-mcp-lens-auth": `pairing ${a.pairing}` }).status).toBe(401);
    expect(s.exchange({ cookie: `${tossed}; ${a.cookie}`, "x-mcp-lens-auth": `pairing ${a.pairing}` }).status).toBe(
      200,
    );
  });

  it("without proof, or with a malformed header: no token", () => {
    const s = issuer();
    expect(s.exchange({})).toMatchObject({ status: 400 });
    expect(s.exchange({ "x-mcp-lens-auth": "token please" })).toMatchObject({ status: 400 });
    expect(s.exchange({ "x-mcp-lens-auth": "none" })).toMatchObject({
      status: 401,
      body: { error: expect.stringMatching(/--print-url/) },
    });
  });

  it("team mode: the gate has authenticated the person; the exchange hands out the token, sets no cookie", () => {
    const answer = issuer(true).exchange({ "x-mcp-lens-auth": "none" });
    expect(answer).toMatchObject({ status: 200, body: { token: TOKEN } });
    expect(answer.headers["set-cookie"]).toBeUndefined();
    expect(issuer(true).exchange({}).status).toBe(400); // the custom header is still required
  });

  it("reads every value of a cookie", () => {
    expect(cookieValues("a=1; mcp-lens-1=x; b=2; mcp-lens-1=y", "mcp-lens-1")).toEqual(["x", "y"]);
    expect(cookieValues(undefined, "a")).toEqual([]);
  });
});
