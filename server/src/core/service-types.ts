import type { Span } from './text/span';

/**
 * What the editor features of both document kinds answer, at offsets in the text (the language
 * server turns them into LSP positions): types only.
 */

export type CompletionKind = 'key' | 'value' | 'reference' | 'snippet';

/** One completion: what it inserts, and the word typed so far that it replaces. */
export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  insertText: string;
  /** insertText uses snippet syntax ($1, ${2:name}). */
  snippet: boolean;
  detail?: string;
  documentation?: string;
  /** The stretch of text the entry replaces: the word typed so far. */
  replace: { start: number; end: number };
}

/** A hover's text and the stretch it is about. */
export interface HoverResult {
  span: Span;
  markdown: string;
}

/** A figure shown after the text at `offset` (a sum, a share, a total). */
export interface InlayHintItem {
  offset: number;
  label: string;
  tooltip: string;
}

/** One replacement, as a rename or a quick fix makes it. */
export interface TextEdit {
  span: Span;
  newText: string;
}
