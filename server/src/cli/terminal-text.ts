/**
 * What the command line prints of text from files (subject names, titles, tier names, messages
 * quoting them, paths) goes to a terminal, which obeys control characters: an ESC sequence in a
 * subject's name could write the clipboard (OSC 52), clear the screen (CSI 2 J), plant a link
 * (OSC 8) or forge a line. Text output shows every control character as an escape instead; JSON
 * output stays exact (it parses to the same strings).
 */

/** C0 but tab (line feed and carriage return too: a line is one line), DEL, and C1 (whose 0x9B and 0x9D are CSI and OSC on their own). */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** `\x1b` for ESC, `\x07` for BEL, `\x9b` for CSI: visible, and inert in any terminal. */
export function terminalText(value: string): string {
  return value.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * JSON as JSON.stringify writes it, with DEL and C1 (which it leaves raw) as `\u` escapes: the
 * same strings once parsed, and nothing a terminal obeys. They can only stand inside strings.
 */
export function terminalJson(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface Lines {
  out(line: string): void;
  err(line: string): void;
}

/** Where a command prints text: both streams through terminalText. */
export function terminalOutput(output: Lines): Lines {
  return { out: (line) => output.out(terminalText(line)), err: (line) => output.err(terminalText(line)) };
}

/** Where a command prints JSON (or SARIF) on standard output, and text on standard error. */
export function jsonOutput(output: Lines): Lines {
  return { out: (line) => output.out(terminalJson(line)), err: (line) => output.err(terminalText(line)) };
}
