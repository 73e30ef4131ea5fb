/** The regular expression syntax the ReDoS analysis (../redos.ts) reads: an AST with source spans, and its parser. */
import { type CharSet, complement, DIGIT, intersect, LINE_TERMINATORS, normalize, SPACE, union, WORD } from './charset';

// ---------------------------------------------------------------------------------------------
// The AST. Spans are offsets into the source, so a finding can quote the part at fault.
// Laziness is not kept: on an input that fails, a lazy quantifier tries the same routes.

export type Node = { readonly start: number; readonly end: number } & (
  | { readonly kind: 'char'; readonly set: CharSet }
  | { readonly kind: 'seq'; readonly items: readonly Node[] }
  | { readonly kind: 'alt'; readonly options: readonly Node[] }
  | { readonly kind: 'group'; readonly body: Node }
  | { readonly kind: 'repeat'; readonly body: Node; readonly min: number; readonly max: number }
  | { readonly kind: 'look'; readonly body: Node; readonly behind: boolean; readonly negate: boolean }
  | { readonly kind: 'assert'; readonly what: '^' | '$' | '\\b' | '\\B' }
  | { readonly kind: 'backref' }
);
export type Repeat = Extract<Node, { kind: 'repeat' }>;

export function unreachable(node: never): never {
  throw new Error(`unhandled regex node ${JSON.stringify(node)}`);
}

interface Parser {
  readonly src: string;
  pos: number;
  /** The u or v flag: code points, strict escapes. */
  readonly unicode: boolean;
  /** The v flag: nested classes, `--` and `&&`. */
  readonly sets: boolean;
  readonly ignoreCase: boolean;
  readonly dotAll: boolean;
  /** Capturing groups in the whole pattern: a backreference may point forward. */
  readonly groups: number;
  readonly named: boolean;
  readonly max: number;
  /** Property escapes met so far, each asked of V8 once. */
  readonly properties: Map<string, CharSet>;
}

export function parse(src: string, flags: string): Node {
  const unicode = flags.includes('u') || flags.includes('v');
  const p: Parser = {
    src, pos: 0, unicode, sets: flags.includes('v'), ignoreCase: flags.includes('i'),
    dotAll: flags.includes('s'), ...countGroups(src, flags.includes('v')), max: unicode ? 0x10ffff : 0xffff,
    properties: new Map(),
  };
  const root = parseAlternation(p);
  if (p.pos !== src.length) throw new Error(`unexpected ${src[p.pos]} at ${p.pos}`);
  return root;
}

function countGroups(src: string, sets: boolean): { groups: number; named: boolean } {
  let groups = 0;
  let named = false;
  let depth = 0; // class nesting (v flag)
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') depth = sets ? depth + 1 : 1;
    else if (c === ']' && depth > 0) depth--;
    else if (c === '(' && depth === 0 && src[i + 1] !== '?') groups++;
    else if (c === '(' && depth === 0 && src.startsWith('?<', i + 1) && !'=!'.includes(src[i + 3] ?? '=')) {
      groups++;
      named = true;
    }
  }
  return { groups, named };
}

function parseAlternation(p: Parser): Node {
  const start = p.pos;
  const options = [parseSequence(p)];
  while (p.src[p.pos] === '|') {
    p.pos++;
    options.push(parseSequence(p));
  }
  return options.length === 1 ? options[0]! : { kind: 'alt', options, start, end: p.pos };
}

function parseSequence(p: Parser): Node {
  const start = p.pos;
  const items: Node[] = [];
  while (p.pos < p.src.length && p.src[p.pos] !== '|' && p.src[p.pos] !== ')') {
    const atom = parseAtom(p);
    const range = parseQuantifier(p);
    if (range === undefined) items.push(atom);
    else {
      if (p.src[p.pos] === '?') p.pos++; // lazy
      items.push({ kind: 'repeat', body: atom, min: range[0], max: range[1], start: atom.start, end: p.pos });
    }
  }
  return { kind: 'seq', items, start, end: p.pos };
}

function parseQuantifier(p: Parser): [number, number] | undefined {
  const c = p.src[p.pos];
  if (c === '*' || c === '+' || c === '?') {
    p.pos++;
    return c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
  }
  // Without u, a `{` that does not make a quantifier is a literal (Annex B).
  const braces = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(p.src.slice(p.pos)) : null;
  if (braces === null) return undefined;
  p.pos += braces[0].length;
  const min = Number(braces[1]);
  return [min, braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3])];
}

function parseAtom(p: Parser): Node {
  const start = p.pos;
  const c = p.src[p.pos];
  const char = (set: CharSet): Node => ({ kind: 'char', set: fold(p, set), start, end: p.pos });
  switch (c) {
    case '^':
    case '$':
      p.pos++;
      return { kind: 'assert', what: c, start, end: p.pos };
    case '.':
      p.pos++;
      return { kind: 'char', set: p.dotAll ? [[0, p.max]] : complement(LINE_TERMINATORS, p.max), start, end: p.pos };
    case '[':
      return { kind: 'char', set: parseClass(p), start, end: p.pos };
    case '(':
      return parseGroup(p);
    case '\\':
      return parseEscape(p) ?? char(charEscape(p, false));
    default: {
      const cp = readChar(p);
      return char([[cp, cp]]);
    }
  }
}

function readChar(p: Parser): number {
  const cp = p.unicode ? p.src.codePointAt(p.pos)! : p.src.charCodeAt(p.pos);
  p.pos += cp > 0xffff ? 2 : 1;
  return cp;
}

function parseGroup(p: Parser): Node {
  const start = p.pos;
  // `(?:`, `(?<name>` and modifiers `(?i-m:` group; `(?=`, `(?!`, `(?<=`, `(?<!` look around.
  const opener = /^\((?:\?(?:<?[=!]|<[^>]*>|[ims]*(?:-[ims]*)?:))?/.exec(p.src.slice(p.pos))![0];
  p.pos += opener.length;
  const body = parseAlternation(p);
  if (p.src[p.pos] !== ')') throw new Error(`unclosed group at ${start}`);
  p.pos++;
  const look = opener.endsWith('=') || opener.endsWith('!');
  if (!look) return { kind: 'group', body, start, end: p.pos };
  return { kind: 'look', body, behind: opener.includes('<'), negate: opener.endsWith('!'), start, end: p.pos };
}

/** An escape outside a class that is not a character: `\b`, `\B`, a backreference; undefined (nothing read) otherwise. */
function parseEscape(p: Parser): Node | undefined {
  const start = p.pos;
  const rest = p.src.slice(p.pos + 1);
  const boundary = /^[bB]/.exec(rest);
  if (boundary !== null) {
    p.pos += 2;
    return { kind: 'assert', what: boundary[0] === 'b' ? '\\b' : '\\B', start, end: p.pos };
  }
  // `\12` is a backreference when there are 12 groups, else (without u) an octal escape.
  const number = /^[1-9]\d*/.exec(rest);
  const named = p.unicode || p.named ? /^k<[^>]*>/.exec(rest) : null;
  const ref = number !== null && Number(number[0]) <= p.groups ? number : named;
  if (ref === null) {
    p.pos++;
    return undefined;
  }
  p.pos += 1 + ref[0].length;
  return { kind: 'backref', start, end: p.pos };
}

/** The characters of an escape, read from just after its backslash. */
function charEscape(p: Parser, inClass: boolean): CharSet {
  const c = p.src[p.pos]!;
  const single = (cp: number, length: number): CharSet => {
    p.pos += length;
    return [[cp, cp]];
  };
  const classes: Record<string, CharSet> = { d: DIGIT, w: WORD, s: SPACE };
  const rest = p.src.slice(p.pos);
  if (c.toLowerCase() in classes) {
    p.pos++;
    const set = classes[c.toLowerCase()]!;
    return c === c.toLowerCase() ? set : complement(set, p.max);
  }
  if ((c === 'p' || c === 'P') && p.unicode) return property(p);
  const controls: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
  if (c in controls) return single(controls[c]!, 1);
  if (c === 'b' && inClass) return single(8, 1);
  const control = (inClass && !p.unicode ? /^c[A-Za-z0-9_]/ : /^c[A-Za-z]/).exec(rest);
  if (control !== null) return single(control[0].charCodeAt(1) % 32, 2);
  if (c === 'c') return [[0x5c, 0x5c]]; // Annex B: `\c` without a letter is a backslash, and `c` follows
  const hex = /^x([0-9a-fA-F]{2})|^u([0-9a-fA-F]{4})|^u\{([0-9a-fA-F]+)\}/.exec(rest);
  if (hex !== null && (p.unicode || hex[3] === undefined)) {
    const cp = parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16);
    const paired = p.unicode && hex[2] !== undefined && cp >= 0xd800 && cp <= 0xdbff;
    const low = paired ? /^\\u(d[c-f][0-9a-f]{2})/i.exec(p.src.slice(p.pos + 5)) : null;
    if (low !== null) return single(0x10000 + ((cp - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00), 11);
    return single(cp, hex[0].length);
  }
  const octal = /^[0-3][0-7]{0,2}|^[4-7][0-7]?/.exec(rest);
  if (octal !== null && !p.unicode) return single(parseInt(octal[0], 8), octal[0].length);
  if (c === '0') return single(0, 1);
  const cp = readChar(p); // identity escape
  return [[cp, cp]];
}

/**
 * `\p{…}` or `\P{…}`, asking V8 which BMP characters match; the astral planes are left out of
 * both, so that `\p{L}` and `\P{L}` stay disjoint. A property of strings (v flag) throws.
 */
function property(p: Parser): CharSet {
  const end = p.src.indexOf('}', p.pos);
  const escape = p.src.slice(p.pos - 1, end + 1);
  p.pos = end + 1;
  const known = p.properties.get(escape);
  if (known !== undefined) return known;
  // Runs of matching characters in one pass; the surrogates (which would pair up) one at a time.
  const members: (readonly [number, number])[] = [];
  for (const run of bmp().matchAll(new RegExp(`${escape}+`, 'gu'))) {
    const [from, to] = [run.index, run.index + run[0].length - 1].map((i) => (i < 0xd800 ? i : i + 0x800)) as [number, number];
    members.push(...(from < 0xd800 && to >= 0xe000 ? [[from, 0xd7ff], [0xe000, to]] as const : [[from, to]] as const));
  }
  const single = new RegExp(`^${escape}$`, 'u');
  for (let cp = 0xd800; cp <= 0xdfff; cp++) if (single.test(String.fromCharCode(cp))) members.push([cp, cp]);
  p.properties.set(escape, normalize(members));
  return p.properties.get(escape)!;
}

/** Every BMP code point but the surrogates, in order. */
function bmp(): string {
  const units = new Uint16Array(0x10000 - 0x800).map((_, i) => (i < 0xd800 ? i : i + 0x800));
  return new TextDecoder('utf-16le').decode(units);
}

/** With the i flag, ASCII letters match both cases (Unicode case folding is not modelled). */
function fold(p: Parser, set: CharSet): CharSet {
  if (!p.ignoreCase) return set;
  const shift = (range: CharSet, by: number): CharSet => intersect(set, range).map(([lo, hi]) => [lo + by, hi + by] as const);
  return union(set, shift([[0x41, 0x5a]], 32), shift([[0x61, 0x7a]], -32));
}

function parseClass(p: Parser): CharSet {
  p.pos++;
  const negate = p.src[p.pos] === '^';
  if (negate) p.pos++;
  let set: CharSet = [];
  while (p.src[p.pos] !== ']') {
    if (p.pos >= p.src.length) throw new Error('unclosed class');
    const op = p.sets ? /^(--|&&)/.exec(p.src.slice(p.pos)) : null;
    if (op !== null) {
      p.pos += 2;
      const rhs = classAtom(p);
      set = intersect(set, op[0] === '&&' ? rhs : complement(rhs, p.max));
      continue;
    }
    const lo = classAtom(p);
    const dash = p.src[p.pos] === '-' && p.src[p.pos + 1] !== ']' && !(p.sets && p.src[p.pos + 1] === '-');
    if (!dash) {
      set = union(set, lo);
      continue;
    }
    p.pos++;
    const hi = classAtom(p);
    const single = (s: CharSet): number | undefined => (s.length === 1 && s[0]![0] === s[0]![1] ? s[0]![0] : undefined);
    const [from, to] = [single(lo), single(hi)];
    // Annex B: `[\d-x]` is a class, a dash and x.
    set = from !== undefined && to !== undefined ? union(set, [[from, to]]) : union(set, lo, [[0x2d, 0x2d]], hi);
  }
  p.pos++;
  const folded = fold(p, set);
  return negate ? complement(folded, p.max) : folded;
}

function classAtom(p: Parser): CharSet {
  if (p.sets && p.src[p.pos] === '[') return parseClass(p);
  if (p.sets && p.src.startsWith('\\q{', p.pos)) {
    const end = p.src.indexOf('}', p.pos);
    const strings = p.src.slice(p.pos + 3, end).split('|');
    p.pos = end + 1;
    // A multi-character string is a sequence, not a character: not modelled.
    if (strings.some((s) => [...s].length !== 1)) throw new Error('\\q{} with strings');
    return normalize(strings.map((s) => [s.codePointAt(0)!, s.codePointAt(0)!] as const));
  }
  if (p.src[p.pos] === '\\') {
    p.pos++;
    return charEscape(p, true);
  }
  const cp = readChar(p);
  return [[cp, cp]];
}
