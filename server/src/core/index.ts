/**
 * The pure core: text in, models, findings and figures out, for both kinds of document (rubrics
 * and the scoresheets scored under them). No editor, no file system, no connection: the command
 * line, the language server and the tests share it, and reach it through this module.
 */

// The factory: whole analyses and incremental sessions of both kinds.
export { createRubricCore } from './create-core';
export type { RubricCore, RubricCoreOptions } from './types';

// The shared base: document kinds, limits, numbers, text, findings, quota arithmetic, schema docs.
export { RUBRIC_FILE, RUBRIC_GLOB, SCORES_FILE, SCORES_GLOB } from './document-kinds';
export { DEFAULT_MAX_FILE_SIZE, MAX_NESTING, MAX_SIMULATED_ROWS, MAX_SUBJECTS } from './limits';
export { Decimal, decimal, formatDecimal, sum } from './decimal';
export { DiagnosticCode, Finding, FindingData, FindingOf, Severity } from './findings';
export { Locale, LOCALES, localize, LocalizedText, normalizeLocale, text } from './text/locale';
export { LineIndex, Position, Range, stripByteOrderMark } from './text/line-index';
export { Span } from './text/span';
export { fileName } from './text/file-name';
export { displayWidth, padEnd, padStart } from './text/display-width';
export { slotsText, tierLine } from './text/figures';
export { countBounds, outsideBounds, tierCountLine } from './text/slot-text';
export type { CountedTier } from './text/slot-text';
export { allocate, Allocation, describeWorking, QuotaAmount, SlotWorking, TierQuotaInput, TierSlots } from './quota/allocate';
export { QuotaRounding, ROUNDING_MODES, ROUNDING_NAMES_ZH, RoundingMode } from './quota/rounding';
export { SchemaDocs } from './schema/schema-docs';
export type { YamlDocument } from './yaml/parse';
export type { CompletionEntry, CompletionKind, HoverResult, InlayHintItem, TextEdit } from './service-types';

// Rubrics: the analysis, the model, simulation and the editor features.
export type { Analysis, DocumentAnalysis, GroupAllocation, IncrementalSession } from './rubric/types';
export { IndicatorModel, NamedItem, RubricModel, TierModel } from './rubric/model/rubric-model';
export { quotaInputsOf } from './rubric/model/quota-inputs';
export { documentAt } from './rubric/document-at';
export { simulate, simulateGroups, SimulationRow } from './rubric/simulate';
export { codeActions, CodeActionItem, findingsAt, scaleExactly } from './rubric/services/code-actions';
export { quotaLenses, QuotaLens } from './rubric/services/code-lens';
export { complete } from './rubric/services/completion';
export { hover } from './rubric/services/hover';
export { inlayHints } from './rubric/services/inlay-hints';
export { definition, references, rename, renameRefusal, renameTarget } from './rubric/services/references';
export type { RenameTarget } from './rubric/services/references';
export { summarize, RubricSummary, TierSummary } from './rubric/services/summary';
export { documentSymbols, foldingRanges, OutlineSymbol, SymbolKind } from './rubric/services/symbols';

// Scoresheets: the analysis, the model, the ranking and the editor features.
export type {
  DeductionEntry,
  GroupRanking,
  KeyedFigure,
  Margin,
  RankedSubject,
  RaterView,
  RoundColumn,
  RoundsEntry,
  RubricLookup,
  ScoresheetAnalysis,
  ScoresheetModel,
  ScoresheetSession,
  SheetLookup,
  SheetLookupFn,
  SheetRole,
  SubjectScoresModel,
  TierCount,
  TiesMode,
  TotalStep,
} from './scoresheet/types';
export { rankingTable } from './scoresheet/services/ranking';
export { subjectLeafPoints } from './scoresheet/services/subject-points';
export type { RankingGroup, RankingRound, RankingRow, RankingTable, RankingTier, RankingTierCount } from './scoresheet/services/ranking';
export { scoresheetInlayHints } from './scoresheet/services/inlay-hints';
export { scoresheetHover } from './scoresheet/services/hover';
export { scoresheetLenses } from './scoresheet/services/lenses';
export { scoresheetCompletion } from './scoresheet/services/completion';
export { scoresheetDefinition } from './scoresheet/services/definition';
export { followRubricRename, renameIndicatorInScoresheet, renameInputInScoresheet, scoresheetRenameRefusal } from './scoresheet/services/rename';
export type { RubricRename } from './scoresheet/services/rename';
export { newScoresheetText } from './scoresheet/services/new-scoresheet';
