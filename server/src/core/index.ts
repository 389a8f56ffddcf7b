/**
 * The pure rubric core: text in, model, findings and quota figures out. No editor, no file
 * system, no connection: the command line, the language server and the tests share it.
 */
export type { Analysis, DocumentAnalysis, GroupAllocation, IncrementalSession, RubricCore, RubricCoreOptions } from './types';
export { createRubricCore } from './create-core';
export { quotaInputsOf } from './model/quota-inputs';
export { documentAt } from './document-at';
export { Decimal, formatDecimal } from './decimal';
export { DiagnosticCode, Finding, FindingData, FindingOf, Severity } from './findings';
export { Locale, LOCALES, localize, LocalizedText, normalizeLocale, text } from './text/locale';
export { IndicatorModel, RubricModel, TierModel } from './model/rubric-model';
export { allocate, Allocation, describeWorking, SlotWorking, TierQuotaInput } from './quota/allocate';
export { ROUNDING_MODES, ROUNDING_NAMES_ZH, RoundingMode } from './quota/rounding';
export { slotsText, tierLine } from './text/figures';
export { simulate, simulateGroups, SimulationRow } from './simulate';
export { LineIndex, Position, Range, stripByteOrderMark } from './text/line-index';
export { Span } from './text/span';
export { SchemaDocs } from './schema/schema-docs';
export { codeActions, CodeActionItem, findingsAt, scaleExactly } from './services/code-actions';
export { quotaLenses, QuotaLens } from './services/code-lens';
export { complete, CompletionEntry, CompletionKind } from './services/completion';
export { hover, HoverResult } from './services/hover';
export { inlayHints, InlayHintItem } from './services/inlay-hints';
export { definition, references, rename, renameTarget, TextEdit } from './services/references';
export { summarize, RubricSummary, TierSummary } from './services/summary';
export { documentSymbols, foldingRanges, OutlineSymbol, SymbolKind } from './services/symbols';
export type {
  DeductionEntry,
  GroupRanking,
  KeyedFigure,
  Margin,
  RankedSubject,
  RaterView,
  RubricLookup,
  ScoresheetAnalysis,
  ScoresheetModel,
  ScoresheetSession,
  SubjectScoresModel,
  TierCount,
  TiesMode,
  TotalStep,
} from './scoresheet/types';
export { scoresheetInlayHints } from './scoresheet/services/inlay-hints';
export { scoresheetHover } from './scoresheet/services/hover';
export { scoresheetLenses } from './scoresheet/services/lenses';
export { scoresheetCompletion } from './scoresheet/services/completion';
export { scoresheetDefinition } from './scoresheet/services/definition';
export { renameIndicatorInScoresheet } from './scoresheet/services/rename';
export { newScoresheetText } from './scoresheet/services/new-scoresheet';
