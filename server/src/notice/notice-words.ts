import { localize, Locale } from '../core';

/**
 * Every sentence of a results notice, in both languages. Chinese as an office writes a 通报:
 * full-width punctuation, 、 between names, Arabic numerals with no space before 个 or 分, tiers
 * called 优秀等次. Names, tiers and the rubric's title are the files' own words in either language.
 */

export interface Opening {
  /** The rubric's title; undefined when it has none. */
  title?: string;
  issuer?: string;
  /** The rubric's `methods` by name: how the evidence was gathered. */
  methods: string[];
  subjects: number;
  /** Groups ranked apart (分序列); 0 or 1 without. */
  groups: number;
}

/** A subject placed in a tier, or ranked, where a sentence names the outcome. */
export interface Placement {
  subject: string;
  tier?: string;
  rank?: number;
}

export interface BoundaryTie {
  subjects: string[];
  total: string;
  rank: number;
  /** The better tier whose boundary the tie straddles. */
  tier: string;
  /** That tier's slots in the group, when fixed. */
  slots?: number;
  /** The tie-break indicators compared before the tie was found to hold (ties: break); empty otherwise. */
  compared: string[];
}

export interface RankChanges {
  /** The group's name under 分序列. */
  group?: string;
  up: { subject: string; by: number }[];
  down: { subject: string; by: number }[];
  added: string[];
  unchanged: number;
}

const ZH_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings count well below a hundred). */
export function chineseNumber(n: number): string {
  if (n < 10) return ZH_NUMBERS[n];
  if (n < 20) return `十${ZH_NUMBERS[n - 10]}`;
  if (n < 100) return `${ZH_NUMBERS[Math.floor(n / 10)]}十${ZH_NUMBERS[n % 10]}`;
  return String(n);
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** `A, B and C`: a list inside an English sentence. */
function englishList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The words a rubric's title ends in that name the rubric itself rather than the appraisal: dropped from the notice's title. */
const RUBRIC_WORDS = /(考核)?(实施)?(考评表|评分表|评分细则|考评细则|考核细则|实施细则|细则|考核办法|实施办法|办法|实施方案|方案|评分标准|考核标准|标准)$/;

/**
 * 绛县2022年度林长制工作考评表 → 关于绛县2022年度林长制工作 | 考核结果的通报: the title in the parts
 * a line of it may end after, so that a title too long for one line breaks where its words do.
 */
function chineseTitle(title: string | undefined): string[] {
  if (title === undefined) return ['考核结果通报'];
  const stem = title.trim().replace(RUBRIC_WORDS, '');
  if (stem === '') return [`关于${title.trim()}`, '结果的通报'];
  return stem.endsWith('考核') || stem.endsWith('考评') ? [`关于${stem}`, '结果的通报'] : [`关于${stem}`, '考核结果的通报'];
}

const TEXT = {
  title: { en: (title: string | undefined) => (title === undefined ? ['Notice of results'] : ['Notice of results: ', title]), 'zh-CN': chineseTitle },
  opening: {
    en: (o: Opening) => {
      const by = o.methods.length > 0 ? ` by ${englishList(o.methods)}` : '';
      const groups = o.groups > 1 ? ` in ${o.groups} groups` : '';
      const subjects = `${o.subjects} subject${o.subjects === 1 ? '' : 's'}`;
      const under = o.title === undefined ? 'Under the rubric' : `Under the rubric ${o.title}`;
      const done = o.issuer === undefined ? `${subjects} ${o.subjects === 1 ? 'was' : 'were'} assessed` : `${o.issuer} assessed ${subjects}`;
      return `${under}, ${done}${groups}${by}. The results are as follows.`;
    },
    'zh-CN': (o: Opening) => {
      const by = o.methods.length > 0 ? `经${o.methods.join('、')}，` : '';
      const groups = o.groups > 1 ? `分${o.groups}个序列` : '';
      const under = o.title === undefined ? '根据考核细则' : `根据《${o.title}》`;
      return `${under}，${o.issuer ?? ''}${by}对${o.subjects}个考核对象${groups}进行了考核。现将考核结果通报如下：`;
    },
  },
  heading: { en: (n: number, words: string) => `${n}. ${words}`, 'zh-CN': (n: number, words: string) => `${chineseNumber(n)}、${words}` },
  /** A level-2 heading: a group's, or run in at the start of a note. */
  lead: { en: (n: number, words: string) => `(${n}) ${words}`, 'zh-CN': (n: number, words: string) => `（${chineseNumber(n)}）${words}` },
  /** Between a run-in heading and its text, and between the sentences of a paragraph. */
  space: { en: ' ', 'zh-CN': '' },
  /** After a group's name that opens a sentence about it. */
  groupSeparator: { en: ': ', 'zh-CN': '：' },
  tiers: { en: 'Tiers', 'zh-CN': '考核等次' },
  ranking: { en: 'Ranking', 'zh-CN': '考核排名' },
  notes: { en: 'Notes', 'zh-CN': '有关说明' },
  group: {
    en: (name: string, n: number) => `${name} (${n} subject${n === 1 ? '' : 's'})`,
    // A name that closes with its own bracket (第一序列（街道）) is not followed by another.
    'zh-CN': (name: string, n: number) => (/[）)]$/.test(name) ? `${name}，共${n}个` : `${name}（${n}个）`),
  },
  tierLine: {
    en: (tier: string, names: string[]) => `${tier} (${names.length}): ${names.length > 0 ? names.join(', ') : 'none'}.`,
    'zh-CN': (tier: string, names: string[]) => `${tierWords(tier)}（${names.length}个）：${names.length > 0 ? names.join('、') : '无'}。`,
  },
  rankingLine: {
    en: (names: string[]) => `In order of total, highest first: ${names.join(', ')}.`,
    'zh-CN': (names: string[]) => `按得分从高到低，名次依次为：${names.join('、')}。`,
  },
  tiedAt: { en: (name: string, rank: number) => `${name} (tied ${ordinal(rank)})`, 'zh-CN': (name: string, rank: number) => `${name}（并列第${rank}名）` },
  vetoLead: { en: 'One-vote veto.', 'zh-CN': '一票否决。' },
  veto: {
    en: (subject: string, vetoes: string[], tier: string | undefined) =>
      `${subject}: one-vote veto for ${englishList(vetoes)}${tier === undefined ? '' : `; placed in ${tier}`}.`,
    'zh-CN': (subject: string, vetoes: string[], tier: string | undefined) =>
      `${subject}因${vetoes.join('、')}，实行一票否决${tier === undefined ? '' : `，确定为${tierWords(tier)}`}。`,
  },
  tiesLead: { en: 'Equal totals.', 'zh-CN': '同分并列。' },
  boundaryTie: {
    en: (t: BoundaryTie, placed: Placement[]) => {
      const slots = t.slots === undefined ? '' : ` (${t.slots} place${t.slots === 1 ? '' : 's'})`;
      const why =
        t.compared.length > 0
          ? `They are still equal after comparing ${englishList(t.compared)} in turn; `
          : 'The scoresheet sets no rule for equal totals (ties: flag); ';
      const outcome = englishList(placed.map((p) => `${p.subject} in ${p.tier ?? '—'}`));
      return `${englishList(t.subjects)} scored ${t.total} each and share rank ${t.rank} across the boundary of ${t.tier}${slots}. ${why}this notice follows the order of the scoresheet and places ${outcome}, to be confirmed under the scheme's rules.`;
    },
    'zh-CN': (t: BoundaryTie, placed: Placement[]) => {
      const slots = t.slots === undefined ? '' : `名额（${t.slots}个）`;
      const why = t.compared.length > 0 ? `按${t.compared.join('、')}得分依次比较后仍相同，` : '评分表未规定同分处理办法，';
      const outcome = placed.map((p) => `${p.subject}确定为${tierWords(p.tier ?? '')}`).join('，');
      return `${t.subjects.join('、')}得分同为${t.total}分，并列第${t.rank}名，跨越${tierWords(t.tier)}${slots}分界。${why}本通报暂按评分表中的先后顺序，将${outcome}，请依照考核办法予以确认。`;
    },
  },
  sharedTie: {
    en: (t: BoundaryTie, count: number) =>
      `${englishList(t.subjects)} scored ${t.total} each, share rank ${t.rank} and are all placed in ${t.tier} (ties: share), which therefore has ${count}${t.slots === undefined ? '' : ` against ${t.slots} place${t.slots === 1 ? '' : 's'}`}.`,
    'zh-CN': (t: BoundaryTie, count: number) =>
      `${t.subjects.join('、')}得分同为${t.total}分，并列第${t.rank}名，均确定为${tierWords(t.tier)}；${tierWords(t.tier)}实有${count}个${t.slots === undefined ? '' : `，超出名额（${t.slots}个）`}。`,
  },
  brokenTie: {
    en: (subjects: string[], total: string, compared: string[], placed: Placement[]) =>
      `${englishList(subjects)} have the same total, ${total}; comparing ${englishList(compared)} in turn ranks them: ${englishList(
        placed.map((p) => `${p.subject} ${ordinal(p.rank ?? 0)}${p.tier === undefined ? '' : ` (${p.tier})`}`),
      )}.`,
    'zh-CN': (subjects: string[], total: string, compared: string[], placed: Placement[]) =>
      `${subjects.join('、')}总分同为${total}分，按${compared.join('、')}得分依次比较确定名次：${placed
        .map((p) => `${p.subject}第${p.rank}名${p.tier === undefined ? '' : `（${tierWords(p.tier)}）`}`)
        .join('，')}。`,
  },
  changesLead: { en: 'Rank changes.', 'zh-CN': '名次变化。' },
  changes: {
    en: (c: RankChanges) => {
      const prefix = c.group === undefined ? '' : `${c.group}: `;
      if (c.up.length + c.down.length + c.added.length === 0) return `${prefix}against the previous results, every rank is unchanged.`;
      const parts = [
        c.up.length > 0 ? `up: ${c.up.map((u) => `${u.subject} (+${u.by})`).join(', ')}` : '',
        c.down.length > 0 ? `down: ${c.down.map((d) => `${d.subject} (−${d.by})`).join(', ')}` : '',
        c.added.length > 0 ? `new: ${c.added.join(', ')}` : '',
        c.unchanged > 0 ? `${c.unchanged} unchanged` : '',
      ].filter(Boolean);
      return `${prefix}against the previous results, ${parts.join('; ')}.`;
    },
    'zh-CN': (c: RankChanges) => {
      const prefix = c.group === undefined ? '' : `${c.group}：`;
      if (c.up.length + c.down.length + c.added.length === 0) return `${prefix}与上次相比，各考核对象名次均未变化。`;
      const parts = [
        c.up.length > 0 ? `名次上升的有：${c.up.map((u) => `${u.subject}（上升${u.by}位）`).join('、')}` : '',
        c.down.length > 0 ? `名次下降的有：${c.down.map((d) => `${d.subject}（下降${d.by}位）`).join('、')}` : '',
        c.added.length > 0 ? `新参加排名的有：${c.added.join('、')}` : '',
        c.unchanged > 0 ? `其余${c.unchanged}个名次未变` : '',
      ].filter(Boolean);
      return `${prefix}与上次相比，${parts.join('；')}。`;
    },
  },
  noTierLead: { en: 'Without a tier.', 'zh-CN': '不定等次。' },
  noTier: {
    en: (names: string[]) => `Ranked with the others but given no tier, and not counted in the quotas: ${names.join(', ')}.`,
    'zh-CN': (names: string[]) => `以下考核对象参加排名，不确定等次，不计入等次名额基数：${names.join('、')}。`,
  },
  incompleteLead: { en: 'Incomplete scores.', 'zh-CN': '评分不全。' },
  incomplete: {
    en: (names: string[]) =>
      `Not ranked and given no tier, their scores being incomplete: ${names.join(', ')}. Once they are scored, the others' ranks and tiers may change.`,
    'zh-CN': (names: string[]) => `以下考核对象评分不全，未计算总分，未参加排名和定等：${names.join('、')}。评分补齐后，其他考核对象的名次和等次可能变化。`,
  },
  annexMention: { en: 'Annex: totals and ranks', 'zh-CN': '附件：考核得分及排名' },
  annexLabel: { en: 'Annex', 'zh-CN': '附件' },
  annexTitle: { en: 'Totals and ranks', 'zh-CN': '考核得分及排名' },
  columns: {
    en: { rank: 'Rank', subject: 'Subject', total: 'Total', tier: 'Tier', change: 'Change', notes: 'Notes' },
    'zh-CN': { rank: '名次', subject: '考核对象', total: '得分', tier: '等次', change: '较上次', notes: '备注' },
  },
  change: {
    en: (previous: number | null, rank: number) =>
      previous === null ? 'new' : previous === rank ? 'same' : previous > rank ? `+${previous - rank}` : `−${rank - previous}`,
    'zh-CN': (previous: number | null, rank: number) =>
      previous === null ? '新增' : previous === rank ? '持平' : previous > rank ? `上升${previous - rank}位` : `下降${rank - previous}位`,
  },
  remark: {
    en: { veto: 'one-vote veto', tied: 'tied', noTier: 'no tier', incomplete: 'scores incomplete' },
    'zh-CN': { veto: '一票否决', tied: '并列', noTier: '不定等次', incomplete: '评分不全' },
  },
  remarkSeparator: { en: '; ', 'zh-CN': '；' },
  sharedRanks: { en: 'Equal totals share a rank.', 'zh-CN': '得分相同的，名次并列。' },
  brokenRanks: {
    en: (compared: string[]) => `Equal totals are ranked by the points of ${englishList(compared)} in turn.`,
    'zh-CN': (compared: string[]) => `总分相同的，按${compared.join('、')}得分依次比较确定名次。`,
  },
  draftHeader: { en: 'DRAFT: the scoresheet has errors; not to be issued', 'zh-CN': '草稿：评分有误，不得印发' },
  draftSummary: {
    en: (n: number) =>
      `DRAFT: ${n} error${n === 1 ? ' is' : 's are'} not corrected, so the ranks and tiers below are not verified and must not be issued as results. The errors:`,
    'zh-CN': (n: number) => `【草稿】评分表及考核细则中有${n}个错误未改正，以下名次和等次未经核实，不得作为考核结果印发。错误如下：`,
  },
  errorLine: {
    en: (file: string, line: number, message: string) => `${file}, line ${line}: ${message}`,
    'zh-CN': (file: string, line: number, message: string) => `${file} 第${line}行：${message}`,
  },
} as const;

/** 优秀 → 优秀等次; a name that already says 等次 (or 等) is left alone. */
function tierWords(tier: string): string {
  return /等次?$/.test(tier) ? tier : `${tier}等次`;
}

export type NoticeWords = ReturnType<typeof noticeWords>;

export function noticeWords(locale: Locale) {
  return localize(TEXT, locale);
}
