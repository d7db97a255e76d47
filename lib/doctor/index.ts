/**
 * The connection doctor (issue 16): a failing connection's steps in order, each with its evidence,
 * the first failing step named with one sentence of what to try. Pure judges here (`diagnoseHttp`,
 * `diagnoseStdio`), browser-safe; the probes that need Node (DNS, TCP, starting a process) are
 * lib/server/bridge/doctor*.ts behind `POST /api/doctor`; the page asks with `runDoctor`.
 */
export * from "./types";
export * from "./http";
export * from "./stdio";
export * from "./request";
