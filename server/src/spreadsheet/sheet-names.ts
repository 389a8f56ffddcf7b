/**
 * Sheet names, and references to sheets in formulas, by Excel's rules. A name has 1 to 31
 * characters, none of : \ / ? * [ ] (nor control characters), does not start or end with an
 * apostrophe, is not History (Excel keeps that name for its change history) and differs from
 * every other sheet's name ignoring case; a name that breaks a rule is mended (the characters
 * become spaces, the apostrophes at its ends are dropped, History and a repeated name get a
 * number: “History 2”). In a formula a sheet is always named in single quotes with each quote
 * inside doubled, so a rater called `x'!A1+cmd|' /C calc'!A0` stays a name and never becomes
 * formula code.
 */

const MAX_LENGTH = 31;
const RESERVED = ['history'];

/** Cut to at most `length` UTF-16 units without splitting a character in two. */
function clipped(value: string, length: number): string {
  let out = '';
  for (const character of value) {
    if (out.length + character.length > length) break;
    out += character;
  }
  return out;
}

const FORBIDDEN = new Set('[]:*?/\\');

/** The characters a sheet's name cannot have (and control characters) as spaces. */
function withoutForbidden(value: string): string {
  return Array.from(value, (character) => (FORBIDDEN.has(character) || character.charCodeAt(0) < 32 || character === '\u007f' ? ' ' : character)).join('');
}

/** A name Excel accepts, not among `taken` (lower case), which it joins. */
export function safeSheetName(wanted: string, taken: Set<string>): string {
  const mended = (value: string) => value.replace(/^[\s']+|[\s']+$/g, '').trim();
  const base = mended(clipped(mended(withoutForbidden(wanted)), MAX_LENGTH - 3)) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()) || RESERVED.includes(candidate.toLowerCase()); n++) {
    const suffix = ` ${n}`;
    candidate = `${mended(clipped(base, MAX_LENGTH - suffix.length))}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** `'It''s'!` — a sheet as a formula names it. */
export function sheetReference(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}
