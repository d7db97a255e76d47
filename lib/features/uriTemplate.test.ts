import { describe, expect, it } from "vitest";
import { expandTemplate, parseTemplate, type TemplateValue } from "./uriTemplate";

// RFC 6570 section 3.2: the variables every example uses.
const VARS: Record<string, TemplateValue> = {
  count: ["one", "two", "three"],
  dom: ["example", "com"],
  dub: "me/too",
  hello: "Hello World!",
  half: "50%",
  var: "value",
  who: "fred",
  base: "http://example.com/home/",
  path: "/foo/bar",
  list: ["red", "green", "blue"],
  keys: { semi: ";", dot: ".", comma: "," },
  v: "6",
  x: "1024",
  y: "768",
  empty: "",
  empty_keys: {},
  undef: null,
};

// RFC 6570 sections 3.2.1-3.2.9, every example.
const RFC_EXAMPLES: [string, string][] = [
  ["{count}", "one,two,three"],
  ["{count*}", "one,two,three"],
  ["{/count}", "/one,two,three"],
  ["{/count*}", "/one/two/three"],
  ["{;count}", ";count=one,two,three"],
  ["{;count*}", ";count=one;count=two;count=three"],
  ["{?count}", "?count=one,two,three"],
  ["{?count*}", "?count=one&count=two&count=three"],
  ["{&count*}", "&count=one&count=two&count=three"],
  // 3.2.2 simple
  ["{var}", "value"],
  ["{hello}", "Hello%20World%21"],
  ["{half}", "50%25"],
  ["O{empty}X", "OX"],
  ["O{undef}X", "OX"],
  ["{x,y}", "1024,768"],
  ["{x,hello,y}", "1024,Hello%20World%21,768"],
  ["?{x,empty}", "?1024,"],
  ["?{x,undef}", "?1024"],
  ["?{undef,y}", "?768"],
  ["{var:3}", "val"],
  ["{var:30}", "value"],
  ["{list}", "red,green,blue"],
  ["{list*}", "red,green,blue"],
  ["{keys}", "semi,%3B,dot,.,comma,%2C"],
  ["{keys*}", "semi=%3B,dot=.,comma=%2C"],
  // 3.2.3 reserved
  ["{+var}", "value"],
  ["{+hello}", "Hello%20World!"],
  ["{+half}", "50%25"],
  ["{base}index", "http%3A%2F%2Fexample.com%2Fhome%2Findex"],
  ["{+base}index", "http://example.com/home/index"],
  ["O{+empty}X", "OX"],
  ["O{+undef}X", "OX"],
  ["{+path}/here", "/foo/bar/here"],
  ["here?ref={+path}", "here?ref=/foo/bar"],
  ["up{+path}{var}/here", "up/foo/barvalue/here"],
  ["{+x,hello,y}", "1024,Hello%20World!,768"],
  ["{+path,x}/here", "/foo/bar,1024/here"],
  ["{+path:6}/here", "/foo/b/here"],
  ["{+list}", "red,green,blue"],
  ["{+list*}", "red,green,blue"],
  ["{+keys}", "semi,;,dot,.,comma,,"],
  ["{+keys*}", "semi=;,dot=.,comma=,"],
  // 3.2.4 fragment
  ["{#var}", "#value"],
  ["{#hello}", "#Hello%20World!"],
  ["{#half}", "#50%25"],
  ["foo{#empty}", "foo#"],
  ["foo{#undef}", "foo"],
  ["{#x,hello,y}", "#1024,Hello%20World!,768"],
  ["{#path,x}/here", "#/foo/bar,1024/here"],
  ["{#path:6}/here", "#/foo/b/here"],
  ["{#list}", "#red,green,blue"],
  ["{#list*}", "#red,green,blue"],
  ["{#keys}", "#semi,;,dot,.,comma,,"],
  ["{#keys*}", "#semi=;,dot=.,comma=,"],
  // 3.2.5 label
  ["{.who}", ".fred"],
  ["{.who,who}", ".fred.fred"],
  ["{.half,who}", ".50%25.fred"],
  ["www{.dom*}", "www.example.com"],
  ["X{.var}", "X.value"],
  ["X{.empty}", "X."],
  ["X{.undef}", "X"],
  ["X{.var:3}", "X.val"],
  ["X{.list}", "X.red,green,blue"],
  ["X{.list*}", "X.red.green.blue"],
  ["X{.keys}", "X.semi,%3B,dot,.,comma,%2C"],
  ["X{.keys*}", "X.semi=%3B.dot=..comma=%2C"],
  ["X{.empty_keys}", "X"],
  ["X{.empty_keys*}", "X"],
  // 3.2.6 path
  ["{/who}", "/fred"],
  ["{/who,who}", "/fred/fred"],
  ["{/half,who}", "/50%25/fred"],
  ["{/who,dub}", "/fred/me%2Ftoo"],
  ["{/var}", "/value"],
  ["{/var,empty}", "/value/"],
  ["{/var,undef}", "/value"],
  ["{/var,x}/here", "/value/1024/here"],
  ["{/var:1,var}", "/v/value"],
  ["{/list}", "/red,green,blue"],
  ["{/list*}", "/red/green/blue"],
  ["{/list*,path:4}", "/red/green/blue/%2Ffoo"],
  ["{/keys}", "/semi,%3B,dot,.,comma,%2C"],
  ["{/keys*}", "/semi=%3B/dot=./comma=%2C"],
  // 3.2.7 path-style parameters
  ["{;who}", ";who=fred"],
  ["{;half}", ";half=50%25"],
  ["{;empty}", ";empty"],
  ["{;v,empty,who}", ";v=6;empty;who=fred"],
  ["{;v,bar,who}", ";v=6;who=fred"],
  ["{;x,y}", ";x=1024;y=768"],
  ["{;x,y,empty}", ";x=1024;y=768;empty"],
  ["{;x,y,undef}", ";x=1024;y=768"],
  ["{;hello:5}", ";hello=Hello"],
  ["{;list}", ";list=red,green,blue"],
  ["{;list*}", ";list=red;list=green;list=blue"],
  ["{;keys}", ";keys=semi,%3B,dot,.,comma,%2C"],
  ["{;keys*}", ";semi=%3B;dot=.;comma=%2C"],
  // 3.2.8 query
  ["{?who}", "?who=fred"],
  ["{?half}", "?half=50%25"],
  ["{?x,y}", "?x=1024&y=768"],
  ["{?x,y,empty}", "?x=1024&y=768&empty="],
  ["{?x,y,undef}", "?x=1024&y=768"],
  ["{?var:3}", "?var=val"],
  ["{?list}", "?list=red,green,blue"],
  ["{?list*}", "?list=red&list=green&list=blue"],
  ["{?keys}", "?keys=semi,%3B,dot,.,comma,%2C"],
  ["{?keys*}", "?semi=%3B&dot=.&comma=%2C"],
  // 3.2.9 query continuation
  ["{&who}", "&who=fred"],
  ["{&half}", "&half=50%25"],
  ["?fixed=yes{&x}", "?fixed=yes&x=1024"],
  ["{&x,y,empty}", "&x=1024&y=768&empty="],
  ["{&var:3}", "&var=val"],
  ["{&list}", "&list=red,green,blue"],
  ["{&list*}", "&list=red&list=green&list=blue"],
  ["{&keys}", "&keys=semi,%3B,dot,.,comma,%2C"],
  ["{&keys*}", "&semi=%3B&dot=.&comma=%2C"],
];

describe("RFC 6570 examples", () => {
  it.each(RFC_EXAMPLES)("%s → %s", (template, expected) => {
    const { uri, errors } = expandTemplate(template, VARS);
    expect(errors).toEqual([]);
    expect(uri).toBe(expected);
  });
});

describe("parseTemplate", () => {
  it("lists each variable once, with its operator and modifiers, for the form", () => {
    const parsed = parseTemplate("demo://{+base}{/path*}{?q,lang:2}{&q}{#frag}");
    expect(parsed.errors).toEqual([]);
    expect(parsed.variables).toEqual([
      { name: "base", operator: "+", explode: false },
      { name: "path", operator: "/", explode: true },
      { name: "q", operator: "?", explode: false },
      { name: "lang", operator: "?", explode: false, prefix: 2 },
      { name: "frag", operator: "#", explode: false },
    ]);
  });

  it("accepts dotted and %-encoded names", () => {
    expect(parseTemplate("{a.b,%41c}").variables.map((v) => v.name)).toEqual(["a.b", "%41c"]);
  });

  it.each([
    ["{}", "empty expression"],
    ["{a", "unclosed"],
    ["a}", "unmatched"],
    ["{=a}", "reserved"],
    ["{a:0}", "prefix"],
    ["{a:10000}", "prefix"],
    ["{a:x}", "prefix"],
    ["{a b}", "invalid character"],
    ["{a..b}", "invalid variable name"],
    ["{.a.}", "invalid variable name"],
    ["{%4}", "%-escape"],
    ["{a,}", "empty variable name"],
  ])("reports %s and keeps it as written", (template, message) => {
    const parsed = parseTemplate(template);
    expect(parsed.errors[0]?.message).toContain(message);
    expect(expandTemplate(parsed, { a: "x" }).uri).toBe(template);
  });

  it("keeps literal text and expands the valid expressions around a broken one", () => {
    expect(expandTemplate("x{a}{b{c}y", { a: "1", c: "3" })).toEqual({
      uri: "x1{b3y",
      errors: [{ at: 4, message: "unclosed '{'" }],
    });
  });
});

describe("expandTemplate values", () => {
  it("encodes UTF-8 and keeps pct-triplets only where reserved expansion allows them", () => {
    expect(expandTemplate("{x}", { x: "é€😀" }).uri).toBe("%C3%A9%E2%82%AC%F0%9F%98%80");
    expect(expandTemplate("{+x}", { x: "a%20b%zz" }).uri).toBe("a%20b%25zz");
    expect(expandTemplate("{x}", { x: "a%20b" }).uri).toBe("a%2520b");
  });

  it("counts a prefix in characters, not UTF-16 units", () => {
    expect(expandTemplate("{x:2}", { x: "😀😀😀" }).uri).toBe("%F0%9F%98%80%F0%9F%98%80");
  });

  it("turns a lone surrogate into U+FFFD instead of throwing", () => {
    expect(expandTemplate("{x}", { x: "a\ud800b" }).uri).toBe("a%EF%BF%BDb");
  });

  it("takes numbers and booleans as text and ignores inherited names", () => {
    expect(expandTemplate("{n}{?b}{toString}", { n: 42, b: true }).uri).toBe("42?b=true");
  });

  it("pct-encodes characters in literals that a URI cannot hold", () => {
    expect(expandTemplate("a b<{x}>", { x: "1" }).uri).toBe("a%20b%3C1%3E");
  });

  it("expands an SDK-style template used by MCP servers", () => {
    expect(expandTemplate("demo://resource/dynamic/text/{resourceId}", { resourceId: "12" }).uri).toBe(
      "demo://resource/dynamic/text/12",
    );
  });
});

describe("hostile input finishes fast", () => {
  const N = 60_000;
  const cases: [string, string, Record<string, TemplateValue>][] = [
    ["many opening braces", "{".repeat(N), {}],
    ["many closing braces", "}".repeat(N), {}],
    ["alternating unclosed", "{a".repeat(N / 2), {}],
    ["one huge expression", `{${"a,".repeat(N / 2)}a}`, { a: "x" }],
    ["long name of dots", `{${"a.".repeat(N / 2)}}`, {}],
    ["many expressions", "{a}".repeat(N / 3), { a: "x" }],
    ["percent signs", `{+a}${"%".repeat(N)}`, { a: "%".repeat(N) }],
    ["long value", "{a}{+a}{#a}", { a: "ab/?😀".repeat(N) }],
    ["long list", "{?a*}", { a: Array.from({ length: N }, (_, i) => String(i)) }],
    ["prefix on long value", "{a:9999}", { a: "x".repeat(N * 10) }],
    ["nested-looking", `${"{{".repeat(N / 4)}a${"}}".repeat(N / 4)}`, { a: "x" }],
  ];
  it.each(cases)("%s", (_label, template, values) => {
    const started = performance.now();
    const parsed = parseTemplate(template);
    expandTemplate(parsed, values);
    // Linear work here is a few ms (more on a loaded machine); a quadratic scan of these inputs takes minutes.
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("refuses a template over the length limit", () => {
    const parsed = parseTemplate("{a}".repeat(30_000));
    expect(parsed.errors[0]?.message).toMatch(/longer than/);
    expect(parsed.variables).toEqual([]);
  });
});
