/**
 * The pure rubric core: text in, model, findings and quota figures out. No editor, no file
 * system, no connection: the command line, the language server and the tests share it.
 */
export type { Analysis, DocumentAnalysis, GroupAllocation, IncrementalSession, RubricCore, RubricCoreOptions } from './types';
export { createRubricCore } from './create-core';
export { quotaInputsOf } from './rubric/model/quota-inputs';
export { documentAt } from './rubric/document-at';
export { Decimal, formatDecimal } from './decimal';
export { DiagnosticCode, Finding, FindingData, FindingOf, Severity } from './findings';
export { Locale, LOCALES, localize, LocalizedText, normalizeLocale, text } from './text/locale';
export { IndicatorModel, RubricModel, TierModel } from './rubric/model/rubric-model';
export { allocate, Allocation, describeWorking, SlotWorking, TierQuotaInput } from './quota/allocate';
export { ROUNDING_MODES, ROUNDING_NAMES_ZH, RoundingMode } from './quota/rounding';
export { slotsText, tierLine } from './text/figures';
export { simulate, simulateGroups, SimulationRow } from './rubric/simulate';
export { LineIndex, Position, Range, stripByteOrderMark } from './text/line-index';
export { Span } from './text/span';
export { SchemaDocs } from './schema/schema-docs';
export { codeActions, CodeActionItem, findingsAt, scaleExactly } from './rubric/services/code-actions';
export { quotaLenses, QuotaLens } from './rubric/services/code-lens';
export { complete, CompletionEntry, CompletionKind } from './rubric/services/completion';
export { hover, HoverResult } from './rubric/services/hover';
export { inlayHints, InlayHintItem } from './rubric/services/inlay-hints';
export { definition, references, rename, renameTarget, TextEdit } from './rubric/services/references';
export { summarize, RubricSummary, TierSummary } from './rubric/services/summary';
export { documentSymbols, foldingRanges, OutlineSymbol, SymbolKind } from './rubric/services/symbols';
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
