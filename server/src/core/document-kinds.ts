/**
 * The two kinds of document the core analyses, by file name. The language server, the command
 * line and the VS Code client (through protocol.ts) all tell them apart by these.
 */

/** Rubrics: `*.rubric.yaml` or `*.rubric.yml` (more through the `rubric.files` setting). */
export const RUBRIC_FILE = /\.rubric\.ya?ml$/i;
export const RUBRIC_GLOB = '**/*.rubric.{yaml,yml}';

/** Scoresheets: `*.scores.yaml` or `*.scores.yml`, the scores given under one rubric. */
export const SCORES_FILE = /\.scores\.ya?ml$/i;
export const SCORES_GLOB = '**/*.scores.{yaml,yml}';
