/**
 * What environment a page may give a stdio server (docs/security.md §I4, §S7 and §S19).
 *
 * Every mode: a name must be a portable shell name. A key holding `=` (`NODE_OPTIONS=--import=…//`)
 * becomes another variable in the child's environment block; `BASH_FUNC_x%%` defines a bash function.
 * Team mode: only names the operator listed in MCP_LENS_STDIO_ENV_ALLOW (none by default), and never
 * one of the names below, which turn an allowed program into any program.
 */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names that make the dynamic loader, a shell, an interpreter or a tool the server runs execute other code (compared upper-case). */
const NEVER_NAMES = new Set([
  // search paths and shells: which program runs, and what a shell sources or traces
  "PATH",
  "PATHEXT",
  "COMSPEC",
  "SHELL",
  "BASH_ENV",
  "ENV",
  "SHELLOPTS",
  "BASHOPTS",
  "PS1",
  "PS2",
  "PS3",
  "PS4",
  "PROMPT_COMMAND",
  "IFS",
  "CDPATH",
  "GLOBIGNORE",
  "ZDOTDIR",
  // where programs read their configuration (a .gitconfig or .npmrc there can name commands to run)
  "HOME",
  "XDG_CONFIG_HOME",
  "XDG_CONFIG_DIRS",
  // glibc: module and locale loading, tunables (CVE-2023-4911)
  "GCONV_PATH",
  "GLIBC_TUNABLES",
  "LOCPATH",
  "NLSPATH",
  "HOSTALIASES",
  "LIBPATH",
  "SHLIB_PATH",
  // commands other tools start
  "EDITOR",
  "VISUAL",
  "PAGER",
  "MANPAGER",
  "BROWSER",
  "LESSOPEN",
  "LESSCLOSE",
  "EXINIT",
  "VIMINIT",
  "SUDO_ASKPASS",
  // TLS trust (OPENSSL_* below: an engine section in OPENSSL_CONF loads a shared library)
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "CURL_CA_BUNDLE",
  "REQUESTS_CA_BUNDLE",
  // interpreters: startup files, module paths, options that load code
  "CLASSPATH",
  "_JAVA_OPTIONS",
  "JDK_JAVA_OPTIONS",
  "PHPRC",
  "PHP_INI_SCAN_DIR",
  "TCLLIBPATH",
  "VIRTUAL_ENV",
  "R_PROFILE",
  "R_PROFILE_USER",
  "R_ENVIRON",
  "R_ENVIRON_USER",
  "R_LIBS",
  "R_LIBS_USER",
  "GOFLAGS",
  "GOTOOLCHAIN",
  "GOPROXY",
  "GOENV",
]);

/**
 * Whole families (compared upper-case). `NODE_ENV` is exempt: Node itself ignores it, and apps often
 * read it. `UV_` is uv's (index, interpreter); libuv's harmless UV_THREADPOOL_SIZE goes with it.
 */
const NEVER_PREFIXES = [
  "LD_",
  "DYLD_",
  "_RLD",
  "BASH_FUNC_",
  "NODE_",
  "NPM_CONFIG_",
  "YARN_",
  "COREPACK_",
  "BUN_",
  "DENO_",
  "PYTHON",
  "PIP_",
  "UV_",
  "PERL",
  "RUBY",
  "GEM_",
  "BUNDLE_",
  "JAVA_",
  "LUA_",
  "DOTNET_",
  "CORECLR_",
  "COR_",
  "COMPLUS_",
  "GIT_",
  "SSH_",
  "OPENSSL_",
];
const EXEMPT = new Set(["NODE_ENV"]);

/** True when team mode never lets the page set `name`, whatever the allowlist says. */
export function neverAllowedEnv(name: string): boolean {
  const upper = name.toUpperCase();
  if (EXEMPT.has(upper)) return false;
  return NEVER_NAMES.has(upper) || NEVER_PREFIXES.some((p) => upper.startsWith(p));
}

/** Names that are not portable shell names, shown quoted and cut (they may be long attack strings). */
export function invalidEnvNames(names: readonly string[]): string[] {
  return names.filter((n) => !ENV_NAME.test(n)).map((n) => JSON.stringify(n.length > 60 ? `${n.slice(0, 60)}…` : n));
}

export type EnvVerdict = { ok: true } | { ok: false; message: string };

/** Team mode: every name must be listed by the operator and none may be one of the dangerous ones. */
export function teamEnvAllowed(allow: readonly string[], names: readonly string[], allowVariable: string): EnvVerdict {
  const never = names.filter(neverAllowedEnv);
  if (never.length > 0) {
    return {
      ok: false,
      message: `team mode: these environment variables are never allowed for stdio servers (they can make the program run other code): ${never.join(", ")}`,
    };
  }
  const unlisted = names.filter((n) => !allow.includes(n));
  if (unlisted.length > 0) {
    const listed = allow.length ? `only ${allow.join(", ")} may be set` : "none may be set";
    return {
      ok: false,
      message: `team mode: environment variables ${unlisted.join(", ")} are not in ${allowVariable} (${listed})`,
    };
  }
  return { ok: true };
}
