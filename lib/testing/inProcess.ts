/** Session deps for Node live with the command line (lib/cli), which uses them outside tests too. */
export { inProcessFetch, nodeSessionDeps } from "../cli";
