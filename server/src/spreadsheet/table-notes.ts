import { Locale } from '../core';
import { parseVetoText } from './criteria-text';
import { DraftNote, DraftRubric } from './rubric-draft';
import { numberingOf } from './numbering';

/**
 * The words a 考评表 closes with (说明 / 备注 / 注 rows, and whatever follows the 合计 row): no part of
 * the scheme's figures, but the scheme's own words, so they are kept as a comment block at the end
 * of the rubric, never read as indicators. A line that speaks of 一票否决 is written there also as a
 * veto commented out, for the person to confirm: the sheet says a veto exists, not what it does.
 */

/** A row opening the notes: `说明：…`, `备注`, `注：`, `附注`, `填表说明`. */
export const NOTES_HEADING = /^(?:填表)?(?:说明|备注|注|附注)(?:\s*[:：]|\s*$|\s*\d|\s*[（(一1①])/;

/** The lines of one notes row: its cells' texts (each merge once), split at line breaks. */
export function noteLines(texts: readonly string[]): string[] {
  return texts
    .flatMap((t) => t.split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export interface VetoInNotes {
  /** What the veto is for, from the words before 一票否决 (`发生重大森林火灾`). */
  name: string;
  /** A tier it forces, when the words say (`直接确定为“不合格”等次`). */
  tier?: string;
  note: DraftNote;
}

/** Each note line that speaks of 一票否决, as the veto it describes. */
export function vetoesInNotes(notes: readonly DraftNote[]): VetoInNotes[] {
  const vetoes: VetoInNotes[] = [];
  for (const note of notes) {
    for (const sentence of note.text.split(/(?<=[。；;])/)) {
      if (!sentence.includes('一票否决')) continue;
      const numbered = numberingOf(sentence);
      const line = (numbered ? numbered.rest : sentence).replace(/^(?:说明|备注|注)\s*[:：]\s*/, '');
      const before = line
        .slice(0, line.indexOf('一票否决'))
        .replace(/[“”"「」]/g, '')
        .replace(/[，,]?\s*(?:实行|予以|给予|执行|按|作)?\s*$/, '')
        .replace(/的\s*$/, '')
        .replace(/^(?:凡|对|如|若)/, '')
        .replace(/的(?:单位|乡镇|部门|考核对象)$/, '')
        .trim();
      const name = before !== '' ? before : line.replace(/[。；;]$/, '').trim();
      vetoes.push({ name, tier: parseVetoText(line).tier, note });
    }
  }
  return vetoes;
}

/** The notes as the comment lines that close the rubric file (without their `#`). */
export function notesComment(draft: DraftRubric, locale: Locale): string[] {
  const notes = draft.notes ?? [];
  if (notes.length === 0) return [];
  const zh = locale === 'zh-CN';
  const lines = [zh ? '表格中的说明（未导入为指标，原文照录）：' : 'Notes of the table (not read as indicators; as written):'];
  for (const note of notes) for (const line of note.text.split('\n')) lines.push(`  ${line}  [${note.address}]`);
  const vetoes = vetoesInNotes(notes);
  if (vetoes.length > 0) {
    lines.push('');
    lines.push(
      zh
        ? '说明中提到一票否决：请核对后去掉下列各行的“#”，并写明否决的结果（tier：确定的等次，或 bars：不得评为的等次）'
        : 'The notes speak of a veto: check, then remove the “#” of the lines below and say what it does (tier: the tier it forces, or bars: the tiers it bars)',
    );
    if (draft.veto.length === 0) lines.push('veto:');
    for (const veto of vetoes) {
      const tier = veto.tier ?? (zh ? '请填写等次' : 'name a tier');
      lines.push(`  - {name: ${yamlScalar(veto.name)}, tier: ${yamlScalar(tier)}}  # ${veto.note.address}`);
    }
  }
  return lines;
}

/** A string as a plain flow scalar when it can be one, else double-quoted. */
function yamlScalar(value: string): string {
  return /^[^\s"'#&*!|>%@`{}[\],:?-][^#{}[\],:]*$/.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}
