/**
 * How much the tool takes on at once: limits that keep a request, a file or a parse from hanging
 * the server or the command line. The client enforces the first two as well (through protocol.ts).
 */

/** The largest N anyone may ask a simulation for: a request must not hang the server. */
export const MAX_SUBJECTS = 100000;

/** More than this many N in one simulate request are cut off. */
export const MAX_SIMULATED_ROWS = 10000;

/**
 * Files larger than this many bytes (UTF-8) are not analysed unless a setting or an option says
 * otherwise: 2 MiB, ten times the largest real scheme, and parsed in well under a second.
 */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/**
 * How deep lists and mappings may nest before a text is refused unread. A rubric needs a dozen
 * levels; the YAML parser and the walks over its tree recurse once per level, and near the end of
 * the stack V8 can abort the whole process (a regular expression compiled there fails with "out
 * of memory", which no try/catch sees). So depth is bounded before anything recurses.
 */
export const MAX_NESTING = 100;
