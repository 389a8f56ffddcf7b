import type { Locale } from '../core';

/**
 * A results notice (通报) as its writers lay it out: every sentence already worded in the
 * notice's language, nothing left to compute. build-notice.ts makes it from a scoresheet's
 * analysis; notice-docx.ts and notice-markdown.ts only typeset it.
 */
export interface NoticeDocument {
  locale: Locale;
  /** 关于…考核结果的通报 / Notice of results: … */
  title: string;
  /** The title in the parts a line of it may end after (关于… | 考核结果的通报): a long title breaks where its words do. */
  titleParts: string[];
  /** Present when the scoresheet or its rubric has errors: said at the top, above everything else. */
  draft?: NoticeDraft;
  /** 根据《…》，…现将考核结果通报如下： */
  opening: string;
  body: NoticeBlock[];
  /** The totals and ranks in full, after the signature (附件). */
  annex: NoticeAnnex;
  /** The rubric's `issuer`, signed above the date; absent when the rubric names none. */
  issuer?: string;
  /** 2023年1月15日 / 15 January 2023 */
  date: string;
}

export interface NoticeDraft {
  /** What the page header of every page says: the notice is a draft. */
  header: string;
  /** The sentence that opens the page: how many errors, and that the ranking is not verified. */
  summary: string;
  /** One line per error: file, line, message. */
  errors: string[];
}

/**
 * A heading (level 1: 一、 in 黑体; level 2: （一） in 楷体) or a paragraph of body text, which
 * may open with a level-2 heading run in (`（一）一票否决。` followed by the sentence).
 */
export type NoticeBlock = { kind: 'heading'; level: 1 | 2; text: string } | { kind: 'paragraph'; lead?: string; text: string };

export interface NoticeAnnex {
  /** 附件：考核得分及排名, said in the body before the signature. */
  mention: string;
  /** 附件 / Annex, at the top of its page. */
  label: string;
  title: string;
  tables: NoticeTable[];
  /** Notes under the tables (how equal totals are ranked). */
  notes: string[];
}

export interface NoticeTable {
  /** The group's name under 分序列; absent without groups. */
  caption?: string;
  header: string[];
  /** Which columns hold figures (centred in print). */
  figures: boolean[];
  rows: string[][];
}
