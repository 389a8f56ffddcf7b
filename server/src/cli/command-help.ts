/**
 * `rubric <command> --help`: the part of the whole help about one command, between the help's
 * title and its closing note on the language. Cut from the one help text (cli-text.ts), so a
 * command's help is always the same words as in `rubric --help`.
 */

/** The commands the help has a section for: each section starts `  rubric <command>`. */
export function commandsInHelp(help: string): string[] {
  return [...help.matchAll(/^ {2}rubric ([a-z]+)/gm)].map((m) => m[1]);
}

export function commandHelp(help: string, command: string): string | undefined {
  const lines = help.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  rubric ${command} `) || line === `  rubric ${command}`);
  if (start < 0) return undefined;
  let end = lines.findIndex((line, i) => i > start && /^ {2}rubric /.test(line));
  if (end < 0) end = lines.length;
  const section = lines.slice(start, end);
  while (section.length > 0 && section[section.length - 1].trim() === '') section.pop();
  // The title (first line), the "Usage:" line under it, the section, and the note on the language (last line).
  const usage = lines.find((line, i) => i > 0 && line.trim() !== '');
  return [lines[0], '', usage, ...section, '', lines[lines.length - 1]].join('\n');
}
