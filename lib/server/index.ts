/** Node only: the bridge (stdio processes, the relay) and the server side of security (gate, tokens, the way in, team mode). Never imported by the page. */
export * from "./bridge/limits";
export * from "./bridge/lines";
export * from "./bridge/registry";
export * from "./bridge/relay";
export * from "./bridge/router";
export * from "./bridge/stdioProcess";
export * from "./bridge/stdioRoutes";
export * from "./security/addresses";
export * from "./security/csp";
export * from "./security/gate";
export * from "./security/launch";
export * from "./security/requestTarget";
export * from "./security/session";
export * from "./security/stateFile";
export * from "./security/team";
export * from "./security/teamStart";
export * from "./security/token";
