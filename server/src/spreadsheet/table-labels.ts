import { Decimal, decimal } from '../core/decimal';
import { numberingOf } from './numbering';

/**
 * The words of a 考评表's name cells: a name written over several lines joined back, its numbering
 * (一、 / （一） / 1.) dropped, and the points a group's cell states (`国土绿化（23分）`).
 */

const CJK = /[\u2e80-\u9fff\uff00-\uffef]/;

/** A name written over several lines in its cell, joined back (Chinese without a space, other words with one). */
export function joinLines(value: string): string {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .reduce((joined, line) => (joined === '' ? line : CJK.test(joined.at(-1)!) && CJK.test(line[0]) ? joined + line : `${joined} ${line}`), '');
}

const CONTINUED = /\s*(?:（续）|\(续\)|\(cont(?:inued|\.)?\))\s*$/i;
export const NUM = String.raw`(\d+(?:\.\d+)?)`;

/** A name without the numbering before it (一、 （一） 1. 1.1 （1） ①: see numbering.ts). */
export function cleanName(value: string): string {
  const joined = joinLines(value);
  return (numberingOf(joined)?.rest ?? joined).trim();
}

/** `国土绿化（23分）`, `工作实绩考核（100 → 70分）`: the name and the points a group's cell states. */
export function parseGroupLabel(value: string): { name: string; weight?: Decimal; outOf?: Decimal; continued: boolean } {
  let label = value.trim();
  let continued = false;
  let weight: Decimal | undefined;
  let outOf: Decimal | undefined;
  if (CONTINUED.test(label)) {
    continued = true;
    label = label.replace(CONTINUED, '');
  }
  const composite = new RegExp(`^([\\s\\S]*?)\\s*[（(]\\s*${NUM}\\s*(?:→|->|折合|计)\\s*${NUM}\\s*(?:分|points?)?\\s*[)）]\\s*$`, 'i').exec(label);
  const plain = new RegExp(`^([\\s\\S]*?)\\s*[（(]\\s*${NUM}\\s*(?:分|points?)\\s*[)）]\\s*$`, 'i').exec(label);
  if (composite) {
    label = composite[1];
    outOf = decimal(composite[2]);
    weight = decimal(composite[3]);
  } else if (plain) {
    label = plain[1];
    weight = decimal(plain[2]);
  }
  // `考实：为民实绩（续）` on the first line, or `…（40分）（续）` after the points.
  if (CONTINUED.test(label)) {
    continued = true;
    label = label.replace(CONTINUED, '');
  }
  return { name: cleanName(label), weight, outOf, continued };
}

export const splitList = (value: string) =>
  value
    .split(/[、,，;；/\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
