/**
 * The formula language of `scoring: {inputs, formula}` (contract: "Points from measurements,
 * rounds, and results over time"): points worked out from what was measured, as published schemes
 * write them — `reached / sections × weight × 80%`, `weight − max(0, 90 − rate) × 1`.
 *
 * A small language of its own: a lexer and a Pratt parser into a tree with spans, a tree walk over
 * exact decimals, and an interval analysis on the same tree. Nothing is evaluated but the closed
 * set below: no property access, no strings, no user functions, no eval. Pure: imports only the
 * core's decimals and text helpers. No function here throws, whatever the text; every span is an
 * offset into the formula's own text (add the YAML scalar's start to place it in a document).
 *
 * Using it, in order:
 *
 *   const parsed = parseFormula(source);             // { formula?, problems, tokens }
 *   if (parsed.formula) {                            // present exactly when problems is empty
 *     checkNames(parsed.formula, { inputs, otherInputs, indicators });   // FormulaProblem[]
 *     formulaRange(parsed.formula, inputs, weight);  // { min?, max?, exceedsWeight?, divisionsByZero, problems }
 *     evaluate(parsed.formula, { weight, value, aggregate, inputName, places });  // { value?, undefined?, working }
 *   }
 *   namesUsed(formula)           input ids used (alone or in best/worst/mean), text order
 *   aggregatesUsed(formula)      the { aggregate, input } pairs the caller must supply per group
 *   formula.references           every name with its span: rename, hover, go to definition
 *   tokenize(source)             tokens even of a formula that does not parse: completion, rename
 *   renderFormula(formula, {substitute, operators: 'scheme'})   `达标断面个数 ÷ 断面总个数 × 30 × 80%`
 *   FORMULA_FUNCTIONS            the functions with signature and summary in both languages
 *   isFormulaIdentifier(id)      whether an input id can be named in a formula (for the schema check)
 *
 * Problems carry `code` (`formula-syntax`, `unknown-name`, `formula-range`), `span` and `message`
 * in both languages; an `unknown-name` carries the near spelling as `suggestion`. Evaluating a
 * formula that has problems is not meaningful; the caller reports them and skips the subject.
 *
 * The grammar, from loosest to tightest binding:
 *
 *   formula     := sum               (at most 4,000 characters; parentheses, calls, signs and `not`
 *                                     nested at most 100 deep)
 *   condition   := condition `or` condition | condition `and` condition | `not` condition
 *                | sum comparison sum | `(` condition `)`     (one comparison: `a < b < c` is an error)
 *   sum         := sum (`+` | `−` | `-`) product | product
 *   product     := product (`×` | `*` | `÷` | `/`) signed | signed
 *   signed      := (`−` | `-` | `+`) signed | percent
 *   percent     := primary `%`?                    (x% is x ÷ 100, on any operand: `rate% × 60`)
 *   primary     := number | input | `weight` | `(` sum `)` | function `(` sum (`,` sum)* `)`
 *                | `if(` condition `,` sum `,` sum `)` | (`best` | `worst` | `mean`) `(` input `)`
 *
 * Decisions where the contract is silent:
 * - Numbers: `16.4`, `.5`, `5.`, `80%`, and exponents (`1e2`, at most four exponent digits), each
 *   at most 1,000,000,000 and 20 decimal places as written (`1e400`, `1e-400` are findings at the
 *   number). A unit typed after a number (`30分`) is a finding that says to leave it out.
 * - A comparison or `and`/`or`/`not` stands only in a condition: the first argument of `if` or an
 *   operand of `and`/`or`/`not`; elsewhere it is a `formula-syntax` finding at its operator, and a
 *   number where a condition belongs is one at that number.
 * - Spellings: `≠ != <>` are one operator, `≤ <=`, `≥ >=`, `= ==`; the full-width forms a Chinese
 *   input method types (（ ） ， ＋ － ＊ ／ ％ ＜ ＞ ＝, full-width digits and letters, the
 *   ideographic space) read as their ASCII twins. `^`, quotes, `.` outside a number, `;` `、`,
 *   brackets, `&&` `||` `!`, dashes: findings that say what to write instead.
 * - Names are case-sensitive; `weight`, the functions and `and or not` are reserved: a function's
 *   name without `(` is a finding (an input cannot be named so), `weight(…)` too.
 * - Functions: `min`/`max` take two or more arguments; `round(x)` rounds to 0 places and
 *   `round(x, digits)` takes digits as a whole number 0–20 written as it is; rounding is half away
 *   from zero (四舍五入, as spreadsheets' ROUND); `clamp(x, lo, hi)` is `min(max(x, lo), hi)`;
 *   `best/worst/mean(x)` take an input's id only.
 * - `if` works out only the branch taken, `and`/`or` only what decides them, so a guarded division
 *   (`if(best(x) = worst(x), weight, … / (best(x) − worst(x)))`) never divides by zero.
 * - The result is kept to 20 places (half-up); a figure along the way beyond 1,000 digits has no
 *   value (such inputs are typed only to break things), as has a division by zero.
 * - The division exception of `formula-range` also covers what `if` and `and`/`or` settle the
 *   other way round: `if(A != B, x / (A − B), …)`, `if(sections > 0, reached / sections, 0)`.
 */
export { parseFormula, ParsedFormula } from './parser';
export { checkNames, FormulaScope, namesUsed, aggregatesUsed } from './names';
export { evaluate, Evaluation, EvaluationContext } from './evaluate';
export { formulaRange, FormulaInput, FormulaRange, ValueAssignment } from './range';
export { renderFormula, RenderOptions } from './render';
export { tokenize, FormulaToken, OperatorSymbol } from './lexer';
export {
  AggregateKind,
  ArithmeticOperator,
  ComparisonOperator,
  Formula,
  FormulaCode,
  FormulaFunction,
  FormulaNode,
  FormulaProblem,
  FormulaReference,
  FORMULA_FUNCTIONS,
  FORMULA_LIMITS,
  isFormulaIdentifier,
  isReservedWord,
} from './syntax';
