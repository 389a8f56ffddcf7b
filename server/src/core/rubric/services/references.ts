import type { TextEdit } from '../../service-types';
import { Analysis } from '../types';
import { NamedItem, RubricModel } from '../model/rubric-model';
import { Field } from '../../yaml/field';
import { contains, Span } from '../../text/span';
import { documentAt } from '../document-at';
import { formulaRenameRefusal, inputAt } from './formula-services';
import { LocalizedText } from '../../text/locale';

/** Kinds of ids that other parts of a rubric (and scoresheets, for indicators) refer to. */
export type ReferableKind = 'method' | 'tier' | 'indicator' | 'input';

interface Referable {
  kind: ReferableKind;
  key: string;
  definition: Pick<NamedItem, 'keySpan'>;
  references: Field<string>[];
}

function referables(model: RubricModel): Referable[] {
  const methods = model.methods.items.flatMap((m): Referable[] =>
    m.key === undefined
      ? []
      : [{ kind: 'method', key: m.key, definition: m, references: model.allIndicators.flatMap((i) => i.methods.filter((r) => r.value === m.key)) }],
  );
  const tiers = model.tiers.items.flatMap((t): Referable[] =>
    t.key === undefined
      ? []
      : [{ kind: 'tier', key: t.key, definition: t, references: model.veto.items.flatMap((v) => (v.tier && v.tier.value === t.key ? [v.tier] : [])) }],
  );
  // An indicator is referred to by a veto's `when` inside the rubric, and by the scoresheets that score it.
  const indicators = model.allIndicators.flatMap((i): Referable[] =>
    i.key === undefined
      ? []
      : [
          {
            kind: 'indicator',
            key: i.key,
            definition: i,
            references: model.veto.items.flatMap((v) => (v.when?.indicator && v.when.indicator.value === i.key ? [v.when.indicator] : [])),
          },
        ],
  );
  return [...methods, ...tiers, ...indicators];
}

function referableAt(analysis: Analysis, offset: number): Referable | undefined {
  const document = documentAt(analysis, offset);
  if (!document) return undefined;
  return referables(document.model).find((r) => contains(r.definition.keySpan, offset) || r.references.some((ref) => contains(ref.span, offset)));
}

export function definition(analysis: Analysis, offset: number): Span | undefined {
  return referableAt(analysis, offset)?.definition.keySpan;
}

export function references(analysis: Analysis, offset: number, includeDeclaration: boolean): Span[] {
  const target = referableAt(analysis, offset);
  if (!target) return [];
  return [...(includeDeclaration ? [target.definition.keySpan] : []), ...target.references.map((r) => r.span)];
}

/** The id under the cursor for prepareRename (and a rename across scoresheets): where it is spelled and what kind of id it is. */
export interface RenameTarget {
  span: Span;
  placeholder: string;
  kind: ReferableKind;
  /** An input's id is unique within its indicator: that indicator's id (scoresheets record the input under it). */
  indicator?: string;
}

export function renameTarget(analysis: Analysis, offset: number): RenameTarget | undefined {
  const target = referableAt(analysis, offset);
  if (!target) return inputTarget(analysis, offset);
  const span = [target.definition.keySpan, ...target.references.map((r) => r.span)].find((s) => contains(s, offset))!;
  return { span, placeholder: target.key, kind: target.kind };
}

/** How an id is written when renamed: bare when YAML allows it, else quoted. */
export function writtenId(newName: string): string {
  return /^[\p{L}\p{N}_-]+$/u.test(newName) ? newName : JSON.stringify(newName);
}

/**
 * Renames an id at its definition and every reference. An id that defaults to the name is
 * renamed where the name is written, so the rubric keeps meaning the same thing.
 */
export function rename(analysis: Analysis, offset: number, newName: string): TextEdit[] | undefined {
  const target = referableAt(analysis, offset);
  if (!target) {
    // A measured input's id: at its definition and in its formula.
    const document = documentAt(analysis, offset);
    const input = document && inputAt(document, offset);
    return input?.spans.map((span) => ({ span, newText: writtenId(newName) }));
  }
  const text = writtenId(newName);
  return [target.definition.keySpan, ...target.references.map((r) => r.span)].map((span) => ({ span, newText: text }));
}

/** A measured input's id at the offset (its definition, or a name in its formula). */
function inputTarget(analysis: Analysis, offset: number): RenameTarget | undefined {
  const document = documentAt(analysis, offset);
  const found = document && inputAt(document, offset);
  if (!found || found.input.key === undefined) return undefined;
  return { span: found.at, placeholder: found.input.key, kind: 'input', ...(found.indicator.key !== undefined ? { indicator: found.indicator.key } : {}) };
}

/** Why the cursor's place cannot be renamed, when it is in a formula but not on an input's id (prepareRename says it). */
export function renameRefusal(analysis: Analysis, offset: number): LocalizedText | undefined {
  if (referableAt(analysis, offset)) return undefined;
  const document = documentAt(analysis, offset);
  return document && formulaRenameRefusal(document, offset);
}
