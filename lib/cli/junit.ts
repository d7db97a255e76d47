/** JUnit XML for the command line: the formatter lives in lib/checks, shared with the Checks tab. */
export { checksJunit, xml } from "../checks";
