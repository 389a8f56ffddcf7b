/**
 * The pure rubric core: text in, model, findings and quota figures out. No editor, no file
 * system, no connection: the command line, the language server and the tests share it.
 */
export { Analysis, createRubricCore, DocumentAnalysis, quotaInputsOf, RubricCore, RubricCoreOptions } from './analyze';
export { IncrementalSession } from './incremental/session';
export { Decimal, formatDecimal } from './decimal';
export { DiagnosticCode, Finding, Locale, LOCALES, LocalizedText, normalizeLocale, Severity } from './findings';
export { IndicatorModel, RubricModel, TierModel } from './model/rubric-model';
export { allocate, Allocation, describeWorking, SlotWorking, TierQuotaInput } from './quota/allocate';
export { ROUNDING_MODES, ROUNDING_NAMES_ZH, RoundingMode } from './quota/rounding';
export { slotsText, tierLine } from './services/figures';
export { simulate, SimulationRow } from './simulate';
export { LineIndex, Position, Range, stripByteOrderMark } from './text/line-index';
export { Span } from './text/span';
export { SchemaDocs } from './schema/schema-docs';
export { codeActions, CodeActionItem, scaleExactly } from './services/code-actions';
export { quotaLenses, QuotaLens } from './services/code-lens';
export { complete, CompletionEntry, CompletionKind } from './services/completion';
export { documentAt } from './services/document-at';
export { hover, HoverResult } from './services/hover';
export { inlayHints, InlayHintItem } from './services/inlay-hints';
export { definition, references, rename, renameTarget, TextEdit } from './services/references';
export { summarize, RubricSummary } from './services/summary';
export { documentSymbols, foldingRanges, OutlineSymbol, SymbolKind } from './services/symbols';
