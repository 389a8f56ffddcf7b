import { Analysis } from '../types';
import { Field, NamedItem, RubricModel } from '../model/rubric-model';
import { contains, Span } from '../text/span';
import { documentAt } from '../document-at';

/** Kinds of ids that other parts of a rubric refer to. */
type ReferableKind = 'method' | 'tier';

interface Referable {
  kind: ReferableKind;
  key: string;
  definition: NamedItem;
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
  return [...methods, ...tiers];
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

export interface TextEdit {
  span: Span;
  newText: string;
}

/** The id under the cursor and where it is spelled, for prepareRename. */
export function renameTarget(analysis: Analysis, offset: number): { span: Span; placeholder: string } | undefined {
  const target = referableAt(analysis, offset);
  if (!target) return undefined;
  const span = [target.definition.keySpan, ...target.references.map((r) => r.span)].find((s) => contains(s, offset))!;
  return { span, placeholder: target.key };
}

/**
 * Renames an id at its definition and every reference. An id that defaults to the name is
 * renamed where the name is written, so the rubric keeps meaning the same thing.
 */
export function rename(analysis: Analysis, offset: number, newName: string): TextEdit[] | undefined {
  const target = referableAt(analysis, offset);
  if (!target) return undefined;
  const text = /^[\p{L}\p{N}_-]+$/u.test(newName) ? newName : JSON.stringify(newName);
  return [target.definition.keySpan, ...target.references.map((r) => r.span)].map((span) => ({ span, newText: text }));
}
