import type { Locale } from '../core';

/** The date a notice is dated (成文日期): a calendar day, no time, no zone. */
export interface NoticeDate {
  year: number;
  month: number;
  day: number;
}

/** `2023-01-15` → the day; undefined for anything else, including a day the calendar lacks (2023-02-30). */
export function parseNoticeDate(value: string): NoticeDate | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** Today where the notice is written (the local calendar day). */
export function todayOf(now: Date): NoticeDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2023年1月15日 (Arabic numerals, as GB/T 9704-2012 writes 成文日期) / 15 January 2023. */
export function formatNoticeDate(date: NoticeDate, locale: Locale): string {
  return locale === 'zh-CN' ? `${date.year}年${date.month}月${date.day}日` : `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** `2023-01-15`, as `--date` takes it and as the editor sends it. */
export function isoDate(date: NoticeDate): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${two(date.month)}-${two(date.day)}`;
}
