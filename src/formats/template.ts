/**
 * Template literal types (`${string}/${string}.png`) matched the way TypeScript's checker matches a string
 * literal type against one (`inferFromLiteralPartsToTemplateLiteral`, then
 * `isValidTypeForTemplateLiteralPlaceholder`): one left-to-right pass, no regex, no backtracking.
 *
 * split  The string must start with the first fixed text, end with the last, and be at least as long as
 *        both together (they may not share characters: `a${string}a` rejects 'a'). Between them:
 *        - a placeholder followed by a non-empty text takes everything up to the FIRST occurrence of that
 *          text, searched from where the placeholder starts and within the part before the fixed suffix;
 *          the pass resumes after the text. No other split is tried: `${string}-${number}` rejects
 *          'a-b-3' ('a' and 'b-3'), as TypeScript does.
 *        - a placeholder followed directly by another takes exactly one UTF-16 code unit (half of a
 *          surrogate pair when that is what is there), and fails when none is left;
 *        - the last placeholder takes the rest up to the fixed suffix, possibly nothing.
 * pieces 's' any string. 'n' our number syntax `[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?` with a finite
 *        value; TypeScript takes any non-empty piece whose `+piece` is finite, so also ' 1', '1 ', ' ',
 *        '0x1f', '0b1': stricter on purpose. 'b' a decimal integer without leading zeros,
 *        `-?(0|[1-9]\d*)`, as TypeScript's scanner reads a bigint literal; it also takes '0x1f', '-0o7',
 *        '0b1': stricter on purpose.
 */

const S = 115; // 's'
const N = 110; // 'n'
const B = 98; // 'b'
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const CASE_BIT = 0x20;
/** The fewest integer digits that can overflow to Infinity without an exponent (1.8e308 has 309). */
const OVERFLOW_DIGITS = 309;

/**
 * Whether `text` is a string of the template literal type with these fixed texts (one more than placeholders) and placeholders: 's' string, 'n' number, 'b' bigint — `kinds` is a string like 'sns'. Linear in text.length (times the longest fixed text).
 */
export function isTemplate(text: string, texts: readonly string[], kinds: string): boolean {
  const count = kinds.length;
  if (texts.length !== count + 1) throw new RangeError(`a template with ${count} placeholders has ${count + 1} texts, not ${texts.length}`);
  const head = texts[0]!;
  if (count === 0) return text === head;
  const tail = texts[count]!;
  // Pieces live in [head.length, end): the suffix is cut off before any text is searched for.
  const end = text.length - tail.length;
  if (end < head.length || !text.startsWith(head) || !text.endsWith(tail)) return false;
  let from = head.length;
  for (let i = 0; i < count - 1; i++) {
    const next = texts[i + 1]!;
    let to: number;
    if (next.length === 0) {
      to = from + 1;
      if (to > end) return false;
    } else {
      // The first occurrence in the whole string is the first before `end`, if it ends by `end`.
      to = text.indexOf(next, from);
      if (to < 0 || to + next.length > end) return false;
    }
    if (!isPiece(text, from, to, kinds.charCodeAt(i))) return false;
    from = to + next.length;
  }
  return isPiece(text, from, end, kinds.charCodeAt(count - 1));
}

/** Whether `s[from, to)` is valid for the placeholder whose kind has the code `kind`. */
function isPiece(s: string, from: number, to: number, kind: number): boolean {
  switch (kind) {
    case S:
      return true;
    case N:
      return isNumberPiece(s, from, to);
    case B:
      return isBigIntPiece(s, from, to);
    default:
      throw new RangeError(`'${String.fromCharCode(kind)}' is not a placeholder kind (s, n or b)`);
  }
}

const isDigit = (c: number): boolean => c >= ZERO && c <= NINE;

/** Whether `s[from, to)` is `[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?` with a finite value; a single scan. */
function isNumberPiece(s: string, from: number, to: number): boolean {
  let i = from;
  if (i < to && (s.charCodeAt(i) === PLUS || s.charCodeAt(i) === MINUS)) i++;
  const integerStart = i;
  while (i < to && isDigit(s.charCodeAt(i))) i++;
  const integerDigits = i - integerStart;
  let digits = integerDigits;
  if (i < to && s.charCodeAt(i) === DOT) {
    const fractionStart = ++i;
    while (i < to && isDigit(s.charCodeAt(i))) i++;
    digits += i - fractionStart;
  }
  if (digits === 0) return false;
  const mantissaEnd = i;
  if (i < to && (s.charCodeAt(i) | CASE_BIT) === LOWER_E) {
    i++;
    if (i < to && (s.charCodeAt(i) === PLUS || s.charCodeAt(i) === MINUS)) i++;
    const exponentStart = i;
    while (i < to && isDigit(s.charCodeAt(i))) i++;
    if (i === exponentStart) return false;
  }
  if (i !== to) return false;
  // TypeScript rejects '1e999' (`+s` is Infinity). Only an exponent or 309 integer digits can get there,
  // so the slice and the conversion happen on that rare path only.
  return (i === mantissaEnd && integerDigits < OVERFLOW_DIGITS) || Number.isFinite(Number(s.slice(from, to)));
}

/** Whether `s[from, to)` is `-?(0|[1-9]\d*)`. */
function isBigIntPiece(s: string, from: number, to: number): boolean {
  let i = from;
  if (i < to && s.charCodeAt(i) === MINUS) i++;
  if (i === to) return false;
  // TypeScript's scanner reads '007' as a legacy octal and '08' as a decimal with a leading zero: neither is a bigint.
  if (s.charCodeAt(i) === ZERO) return i + 1 === to;
  for (; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}
