/**
 * ReDoS analysis of `pattern` constraints: whether V8's backtracking matcher can take more than
 * linear time on some input.
 *
 * The pattern is parsed into a small AST and compiled to a position (Glushkov) automaton that
 * keeps duplicate routes: a backtracking matcher tries every route, so two routes between the
 * same positions are twice the work. On that automaton (Weideman et al., "Analyzing matching
 * time behavior of backtracking regular expression matchers by using ambiguity of NFA"):
 * - exponential: two different routes from a position back to itself on the same text, found
 *   in the product of the automaton with itself;
 * - polynomial: a loop, a later loop, and a text on which both go round and the first reaches
 *   the second, found in the automaton cubed. An unanchored pattern is searched from every
 *   offset, which V8 does by retrying, so it gets a leading loop over any character.
 * Positions from which the rest of the pattern matches the empty text under no condition are
 * left out: reaching one ends the match in success, so no attack can fail there.
 */

/** Why a pattern can take more than linear time on some input, or undefined when the analyser finds nothing. */
export interface Backtracking {
  /** 'exponential' (nested or overlapping repetition) or 'polynomial' (adjacent overlapping unbounded repetitions). */
  readonly kind: 'exponential' | 'polynomial';
  /** The part of the source at fault, e.g. '(a+)+' or '\\d+\\d*'. */
  readonly part: string;
  /** One sentence of advice, e.g. 'remove the inner quantifier or make the alternatives disjoint'. */
  readonly hint: string;
  /** An attack string family that triggers it when repeated, when you can produce one (optional), e.g. 'a'. */
  readonly pump?: string;
}

/** The first reason `new RegExp(source, flags)` can backtrack more than linearly; undefined when none is found or the pattern is unreadable. */
export function backtracking(source: string, flags: string): Backtracking | undefined {
  try {
    new RegExp(source, flags); // an invalid pattern is another diagnostic's business
    const root = parse(source, flags);
    const alternatives = root.kind === 'alt' ? root.options : [root];
    const graphs: Graph[] = [];
    // V8 tries the top-level alternatives one after another, so each is analysed on its own.
    // A lookaround body is a matcher of its own, run wherever the lookaround is reached: from
    // every offset too when the pattern around it is unanchored.
    const setting = { multiline: flags.includes('m'), max: /[uv]/.test(flags) ? 0x10ffff : 0xffff, look: false };
    const pending = alternatives.map((node) => ({ node, setting: { ...setting, prefix: prefixOf(node, flags) } }));
    for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
      const graph = automaton(next.node, next.setting);
      graphs.push(graph);
      pending.push(...graph.looks.map((node) => ({ node, setting: { ...next.setting, look: true } })));
    }
    for (const graph of graphs) {
      const found = exponential(source, graph);
      if (found !== undefined) return found;
    }
    for (const graph of graphs) {
      const found = polynomial(source, graph);
      if (found !== undefined) return found;
    }
    return undefined;
  } catch {
    // Unsupported syntax (a `\q{}` string, a property of strings) or a pattern too large to
    // analyse: a warning pass must never break the compile step.
    return undefined;
  }
}

const HINTS = {
  nested: 'remove the inner quantifier, or end each repetition with a character the inner part cannot match',
  alternatives: 'make the alternatives disjoint so that each text can be matched only one way',
  adjacent: 'merge the adjacent quantifiers, or separate them with a required character neither can match',
  unanchored: 'anchor the pattern with ^ so that V8 does not retry it from every offset of the input',
  lines: 'keep the repetition from matching line terminators, or drop the m flag',
} as const;

/** A repetition with more optional iterations counts as unbounded; copies are capped at this count. */
const LARGE = 10;
/** Patterns whose automaton grows past this many positions are not analysed. */
const MAX_POSITIONS = 400;
/** Pair graphs past this many nodes are not searched. */
const MAX_PAIRS = 200_000;
/** Triples visited, in all, looking for polynomial pumps. */
const MAX_TRIPLES = 200_000;

// ---------------------------------------------------------------------------------------------
// Character sets: sorted, disjoint, inclusive ranges of code units (code points with u or v).

type CharSet = readonly (readonly [number, number])[];

function normalize(ranges: readonly (readonly [number, number])[]): CharSet {
  const out: [number, number][] = [];
  for (const [lo, hi] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function union(...sets: CharSet[]): CharSet {
  return normalize(sets.flat());
}

function intersect(a: CharSet, b: CharSet): CharSet {
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const [alo, ahi] = a[i]!;
    const [blo, bhi] = b[j]!;
    if (Math.max(alo, blo) <= Math.min(ahi, bhi)) out.push([Math.max(alo, blo), Math.min(ahi, bhi)]);
    if (ahi < bhi) i++;
    else j++;
  }
  return out;
}

function complement(set: CharSet, max: number): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= max) out.push([next, max]);
  return out;
}

const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const SPACE: CharSet = normalize([
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]);
const LINE_TERMINATORS: CharSet = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];
/** Where a readable sample character is looked for first: letters, digits, space, printable ASCII. */
const READABLE: CharSet[] = [[[0x61, 0x7a]], DIGIT, [[0x41, 0x5a]], [[0x20, 0x20]], [[0x21, 0x7e]]];

/**
 * A text with a character of each non-empty set in turn, cut to the shortest string it repeats
 * ('aa' → 'a'): one character for all where one fits, readable ones first, the previous one
 * again where it fits.
 */
function spell(sets: readonly CharSet[]): string {
  const everywhere = sets.reduce(intersect);
  if (sets.length > 1 && everywhere.length > 0) return spell([everywhere]);
  let text = '';
  let previous: CharSet = [];
  for (const set of sets) {
    const hit = [previous, ...READABLE].map((r) => intersect(set, r)[0]).find((r) => r !== undefined) ?? set[0]!;
    previous = [[hit[0], hit[0]]];
    text += String.fromCodePoint(hit[0]);
  }
  for (let length = 1; length < text.length; length++) {
    if (text.length % length === 0 && text.slice(0, length).repeat(text.length / length) === text) return text.slice(0, length);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// The AST. Spans are offsets into the source, so a finding can quote the part at fault.
// Laziness is not kept: on an input that fails, a lazy quantifier tries the same routes.

type Node = { readonly start: number; readonly end: number } & (
  | { readonly kind: 'char'; readonly set: CharSet }
  | { readonly kind: 'seq'; readonly items: readonly Node[] }
  | { readonly kind: 'alt'; readonly options: readonly Node[] }
  | { readonly kind: 'group'; readonly body: Node }
  | { readonly kind: 'repeat'; readonly body: Node; readonly min: number; readonly max: number }
  | { readonly kind: 'look'; readonly body: Node; readonly behind: boolean; readonly negate: boolean }
  | { readonly kind: 'assert'; readonly what: '^' | '$' | '\\b' | '\\B' }
  | { readonly kind: 'backref' }
);
type Repeat = Extract<Node, { kind: 'repeat' }>;

function unreachable(node: never): never {
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

function parse(src: string, flags: string): Node {
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

// ---------------------------------------------------------------------------------------------
// The automaton: one position per character atom (counted repetitions are copied), each edge
// with a route per way a backtracking matcher can take it (capped at 2: two is ambiguity).

interface Position {
  readonly set: CharSet;
  /** The AST nodes from the analysed root down to this atom; empty for the search prefix. */
  readonly chain: readonly Node[];
}

/** A way to leave a fragment: how many routes, and what the freest of them crosses. */
interface Exit {
  readonly routes: number;
  /** A route crosses no assertion. */
  readonly free: boolean;
  /** A route crosses no assertion but `$` with the m flag, which holds before a line terminator. */
  readonly lineEnd: boolean;
  /** A route crosses no assertion but `$`, which holds at the end of the input. */
  readonly end: boolean;
}

interface Fragment {
  /** Positions that can match first, with their number of routes. */
  readonly first: ReadonlyMap<number, number>;
  /** Positions that can match last, with the routes from each to the fragment's end. */
  readonly last: ReadonlyMap<number, Exit>;
  /** Routes through the fragment that match nothing. */
  readonly empty: Exit;
}

/** What the automaton of a pattern depends on besides its AST. */
interface Setting {
  readonly prefix: Prefix;
  readonly multiline: boolean;
  /** The largest character: 0xFFFF, or 0x10FFFF with u or v. */
  readonly max: number;
  /** A lookaround body. */
  readonly look: boolean;
}

interface Builder {
  readonly multiline: boolean;
  readonly positions: Position[];
  /** Per position, its successors, each with the repeat whose back edge each route takes (null: sequence). */
  readonly follow: Map<number, (Repeat | null)[]>[];
  /** Lookaround bodies met on the way: analysed as patterns of their own. */
  readonly looks: Node[];
}

interface Edge {
  /** The characters an attack can take it on. */
  readonly on: CharSet;
  readonly vias: readonly (Repeat | null)[];
}

interface Graph {
  readonly positions: readonly Position[];
  readonly edges: readonly ReadonlyMap<number, Edge>[];
  readonly looks: readonly Node[];
  /** Positions from here on are the search prefix, not the pattern. */
  readonly prefixStart: number;
  readonly prefix: Prefix;
  /** A lookaround body: the text that leads to it again is not known. */
  readonly look: boolean;
}

/** How V8 looks for a match: from offset 0 only, after each line terminator (`^` with m), or anywhere. */
type Prefix = 'none' | 'lines' | 'any';

const NONE: Exit = { routes: 0, free: false, lineEnd: false, end: false };
const ONE: Exit = { routes: 1, free: true, lineEnd: true, end: true };
const EPSILON: Fragment = { first: new Map(), last: new Map(), empty: ONE };
const ZERO_WIDTH: Fragment = { ...EPSILON, empty: { routes: 1, free: false, lineEnd: false, end: false } };
const END: Fragment = { ...EPSILON, empty: { routes: 1, free: false, lineEnd: false, end: true } };
const LINE_END: Fragment = { ...EPSILON, empty: { routes: 1, free: false, lineEnd: true, end: true } };
/** `^` without m: nothing read can come before it, so no route crosses it. */
const START: Fragment = { ...EPSILON, empty: NONE };

const cap = (routes: number): number => Math.min(routes, 2);

function prefixOf(node: Node, flags: string): Prefix {
  if (flags.includes('y')) return 'none';
  if (!anchored(node)) return 'any';
  return flags.includes('m') ? 'lines' : 'none';
}

/** Whether every match of the node starts with `^`. */
function anchored(node: Node): boolean {
  switch (node.kind) {
    case 'assert':
      return node.what === '^';
    case 'seq':
      return node.items[0] !== undefined && anchored(node.items[0]);
    case 'alt':
      return node.options.every(anchored);
    case 'group':
      return anchored(node.body);
    case 'char':
    case 'repeat':
    case 'look':
    case 'backref':
      return false;
    default:
      return unreachable(node);
  }
}

function automaton(root: Node, { prefix, multiline, max, look }: Setting): Graph {
  const b: Builder = { multiline, positions: [], follow: [], looks: [] };
  const whole = build(b, root, []);
  const prefixStart = b.positions.length;
  if (prefix !== 'none') {
    // The search prefix: any character (`[^]*?`), or for `^` with m, a run ending in a line terminator.
    const lines = prefix === 'lines';
    const any = position(b, { set: lines ? complement(LINE_TERMINATORS, 0x10ffff) : [[0, 0x10ffff]], chain: [] });
    const entries = new Map([[any, ONE]]);
    if (lines) entries.set(position(b, { set: LINE_TERMINATORS, chain: [] }), ONE);
    link(b, entries, new Map([...entries].map(([i]) => [i, 1])), null);
    link(b, lines ? new Map([...entries].slice(1)) : entries, whole.first, null);
  }
  // A matcher that reaches a position from which the rest matches the empty text under no
  // condition has succeeded: an attack keeps clear of those, and of the characters leading there
  // (a line terminator, too, after a position that `$` with m ends).
  const always = universal(b, whole.last, max);
  const accepting = (j: number): boolean => whole.last.get(j)?.free === true || always.has(j);
  const edges = b.follow.map((out, i) => {
    const ends = [...out.keys()].filter(accepting).map((j) => b.positions[j]!.set);
    if (whole.last.get(i)?.lineEnd === true) ends.push(LINE_TERMINATORS);
    const safe = complement(union(...ends), 0x10ffff);
    const kept = new Map<number, Edge>();
    for (const [j, vias] of out) {
      const on = accepting(j) ? [] : intersect(b.positions[j]!.set, safe);
      if (on.length > 0) kept.set(j, { on, vias });
    }
    return kept;
  });
  return { positions: b.positions, edges, looks: b.looks, prefixStart, prefix, look };
}

/**
 * Positions from which every text leads to a match: the largest set whose members end the
 * pattern but for `$` and read any character into the set, as the loop of (.|\n)*$ with s.
 */
function universal(b: Builder, last: ReadonlyMap<number, Exit>, max: number): Set<number> {
  const kept = new Set([...last].filter(([, exit]) => exit.end).map(([i]) => i));
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of kept) {
      const next = [...b.follow[i]!.keys()].filter((j) => kept.has(j)).map((j) => b.positions[j]!.set);
      if (complement(union(...next), max).length === 0) continue;
      kept.delete(i);
      changed = true;
    }
  }
  return kept;
}

function position(b: Builder, at: Position): number {
  if (b.positions.length >= MAX_POSITIONS) throw new Error('pattern too large to analyse');
  b.follow.push(new Map());
  return b.positions.push(at) - 1;
}

function build(graph: Builder, node: Node, chain: readonly Node[]): Fragment {
  const inner = [...chain, node];
  switch (node.kind) {
    case 'char': {
      const i = position(graph, { set: node.set, chain: inner });
      return { first: new Map([[i, 1]]), last: new Map([[i, ONE]]), empty: NONE };
    }
    case 'seq':
      return narrow(node.items).reduce((f, item) => concat(graph, f, build(graph, item, inner)), EPSILON);
    case 'alt':
      return node.options.map((option) => build(graph, option, inner)).reduce(choice);
    case 'group':
      return build(graph, node.body, inner);
    case 'look':
      graph.looks.push(node.behind ? reverse(node.body) : node.body);
      return ZERO_WIDTH;
    case 'assert':
      if (node.what === '$') return graph.multiline ? LINE_END : END;
      return node.what === '^' && !graph.multiline ? START : ZERO_WIDTH;
    case 'backref': // may fail; the text it matches is not modelled
      return ZERO_WIDTH;
    case 'repeat':
      return repeat(graph, node, inner);
    default:
      return unreachable(node);
  }
}

/**
 * A lookahead for one character narrows the character after it: `(?![\]\\]).` is `[^\]\\]`,
 * `(?=[a-z])\w` is `[a-z]`. Lookarounds left in place are analysed on their own.
 */
function narrow(items: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (const item of items) {
    const look = out[out.length - 1];
    if (item.kind !== 'char' || look?.kind !== 'look' || look.behind) {
      out.push(item);
      continue;
    }
    // A negative lookahead rules out its one-character alternatives whatever the others are.
    const options = look.body.kind === 'alt' ? look.body.options : [look.body];
    const ruled = look.negate ? union(...options.map(oneChar).filter((set) => set !== undefined)) : undefined;
    const kept = look.negate ? undefined : oneChar(look.body);
    if (ruled === undefined && kept === undefined) out.push(item);
    else out[out.length - 1] = { ...item, set: kept !== undefined ? intersect(item.set, kept) : intersect(item.set, complement(ruled!, 0x10ffff)), start: look.start };
  }
  return out;
}

/** The characters a node matches when it always reads exactly one, else undefined. */
function oneChar(node: Node): CharSet | undefined {
  switch (node.kind) {
    case 'char':
      return node.set;
    case 'seq':
      return node.items.length === 1 ? oneChar(node.items[0]!) : undefined;
    case 'group':
      return oneChar(node.body);
    case 'alt': {
      const sets = node.options.map(oneChar);
      return sets.every((set) => set !== undefined) ? union(...sets) : undefined;
    }
    case 'repeat':
    case 'look':
    case 'assert':
    case 'backref':
      return undefined;
    default:
      return unreachable(node);
  }
}

/** The node read right to left, as V8 matches a lookbehind. */
function reverse(node: Node): Node {
  switch (node.kind) {
    case 'seq':
      return { ...node, items: node.items.map(reverse).reverse() };
    case 'alt':
      return { ...node, options: node.options.map(reverse) };
    case 'group':
    case 'repeat':
      return { ...node, body: reverse(node.body) };
    case 'char':
    case 'look': // a lookaround inside keeps its own direction
    case 'assert':
    case 'backref':
      return node;
    default:
      return unreachable(node);
  }
}

/**
 * x{n,m} as copies: n required copies (at most LARGE), then m - n optional ones nested so that
 * each count has one route, x{1,3} = x(x(x)?)?; more than LARGE optional copies, or no maximum,
 * make a looping copy instead. Past its minimum, V8 fails an iteration that matches nothing, so
 * a skipped copy is one route.
 */
function repeat(graph: Builder, node: Repeat, chain: readonly Node[]): Fragment {
  const body = (): Fragment => build(graph, node.body, chain);
  const optional = (f: Fragment): Fragment => ({ ...f, empty: ONE });
  const min = Math.min(node.min, LARGE);
  const unbounded = node.max - node.min > LARGE;
  let head = EPSILON;
  for (let k = unbounded ? 1 : 0; k < min; k++) head = concat(graph, head, body());
  if (unbounded) {
    const loop = body();
    link(graph, loop.last, loop.first, node);
    return concat(graph, head, min === 0 ? optional(loop) : loop);
  }
  // Built inside out, so the copies' positions run backwards: nothing depends on their order.
  let tail = EPSILON;
  for (let k = node.min; k < node.max; k++) tail = optional(concat(graph, body(), tail));
  return concat(graph, head, tail);
}

function concat(graph: Builder, x: Fragment, y: Fragment): Fragment {
  link(graph, x.last, y.first, null);
  const last = new Map(y.last);
  for (const [i, exit] of x.last) addExit(last, i, then(exit, y.empty));
  const first = new Map(x.first);
  for (const [i, routes] of y.first) addFirst(first, i, routes * x.empty.routes);
  return { first, last, empty: then(x.empty, y.empty) };
}

function choice(x: Fragment, y: Fragment): Fragment {
  const first = new Map(x.first);
  for (const [i, routes] of y.first) addFirst(first, i, routes);
  const last = new Map(x.last);
  for (const [i, exit] of y.last) addExit(last, i, exit);
  return { first, last, empty: either(x.empty, y.empty) };
}

function addFirst(first: Map<number, number>, i: number, routes: number): void {
  if (routes > 0) first.set(i, cap((first.get(i) ?? 0) + routes));
}

function addExit(last: Map<number, Exit>, i: number, exit: Exit): void {
  if (exit.routes === 0) return;
  last.set(i, either(last.get(i) ?? NONE, exit));
}

/** The routes through one exit and then another. */
function then(a: Exit, b: Exit): Exit {
  return { routes: cap(a.routes * b.routes), free: a.free && b.free, lineEnd: a.lineEnd && b.lineEnd, end: a.end && b.end };
}

/** The routes through one exit or another. */
function either(a: Exit, b: Exit): Exit {
  return { routes: cap(a.routes + b.routes), free: a.free || b.free, lineEnd: a.lineEnd || b.lineEnd, end: a.end || b.end };
}

/** Edges from every last position to every first one, one route per pair of routes. */
function link(graph: Builder, last: ReadonlyMap<number, Exit>, first: ReadonlyMap<number, number>, via: Repeat | null): void {
  for (const [from, exit] of last) {
    for (const [to, routes] of first) {
      const vias = graph.follow[from]!.get(to) ?? [];
      for (let k = 0; k < exit.routes * routes && vias.length < 2; k++) vias.push(via);
      graph.follow[from]!.set(to, vias);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Exponential: the automaton times itself. A pair (i, j) stands for two routes over the same
// text that end at i and at j. A cycle through a diagonal pair (q, q) that splits on the way
// (the routes stand at different positions, or take different routes of one edge) gives two
// ways around q per turn, 2^n for n turns.

interface Step {
  readonly to: number;
  readonly on: CharSet;
  readonly vias: readonly (Repeat | null)[];
  /** The two routes take different routes of the same edge. */
  readonly split: boolean;
}

interface Cycle {
  readonly steps: readonly Step[];
  /** The repeat at fault: the outermost one whose back edge the cycle takes. */
  readonly repeat: Repeat;
  readonly pump: string;
}

function exponential(src: string, graph: Graph): Backtracking | undefined {
  const n = graph.prefixStart; // the search prefix is never returned to: it has no cycle to split
  const ids = new Map<number, number>();
  const pairs: (readonly [number, number])[] = [];
  const visit = (i: number, j: number): number => {
    const id = ids.get(i * n + j) ?? pairs.push([i, j]) - 1;
    ids.set(i * n + j, id);
    if (pairs.length > MAX_PAIRS) throw new Error('pattern too large to analyse');
    return id;
  };
  for (let i = 0; i < n; i++) visit(i, i);
  const steps: Step[][] = [];
  for (let id = 0; id < pairs.length; id++) {
    const [i, j] = pairs[id]!;
    const out: Step[] = [];
    for (const [i2, a] of graph.edges[i]!) {
      for (const [j2, b] of graph.edges[j]!) {
        const on = intersect(a.on, b.on);
        if (on.length === 0) continue;
        const to = visit(i2, j2);
        out.push({ to, on, vias: [a.vias[0]!, b.vias[0]!], split: false });
        if (i === j && i2 === j2 && a.vias.length > 1) out.push({ to, on, vias: [a.vias[0]!, a.vias[1]!], split: true });
      }
    }
    steps.push(out);
  }
  const comp = components(steps.map((out) => out.map((s) => s.to)));
  const diagonal = (id: number): boolean => pairs[id]![0] === pairs[id]![1];
  const found: Cycle[] = [];
  for (const members of groups(comp)) {
    const splits = members.some((id) => !diagonal(id) || steps[id]!.some((s) => s.split && comp[s.to] === comp[id]));
    if (!splits) continue;
    // The cycle around each diagonal pair; the one with the smallest repeat at fault is kept.
    const inside = (id: number): boolean => comp[id] === comp[members[0]!];
    const cycles = members.filter(diagonal).slice(0, 32).map((id) => cycleAt(id, steps, inside, diagonal));
    const best = cycles.filter((c) => c !== undefined).sort((a, b) => width(a.repeat) - width(b.repeat) || a.pump.length - b.pump.length)[0];
    if (best !== undefined) found.push(best);
  }
  const first = found.sort((a, b) => a.repeat.start - b.repeat.start)[0];
  if (first === undefined) return undefined;
  const { repeat } = first;
  // Nested when part of the cycle repeats inside the repeat at fault, as in (a+)+ or (.*a)*.
  const nested = first.steps
    .flatMap((s) => pairs[s.to]!)
    .some((i) => {
      const { chain } = graph.positions[i]!;
      return chain.slice(chain.indexOf(repeat) + 1).some((node) => node.kind === 'repeat' && node.max > 1);
    });
  return { kind: 'exponential', part: src.slice(repeat.start, repeat.end), hint: nested ? HINTS.nested : HINTS.alternatives, pump: first.pump };
}

/** The shortest cycle from a diagonal pair back to it that splits, through the pairs `inside` admits. */
function cycleAt(start: number, steps: readonly Step[][], inside: (id: number) => boolean, diagonal: (id: number) => boolean): Cycle | undefined {
  // A state is a pair and whether the routes have split yet: id * 2 + split.
  const parent = new Map<number, { from: number; step: Step }>();
  const queue = [start * 2];
  for (let k = 0; k < queue.length; k++) {
    const state = queue[k]!;
    for (const step of steps[state >> 1]!) {
      const next = step.to * 2 + (state & 1 || step.split || !diagonal(step.to) ? 1 : 0);
      if (!inside(step.to) || parent.has(next) || next === start * 2) continue;
      parent.set(next, { from: state, step });
      if (next === start * 2 + 1) return cycleTo(parent, next, start * 2);
      queue.push(next);
    }
  }
  return undefined;
}

function cycleTo(parent: ReadonlyMap<number, { from: number; step: Step }>, end: number, start: number): Cycle | undefined {
  const steps: Step[] = [];
  for (let state = end; state !== start; ) {
    const { from, step } = parent.get(state)!;
    steps.unshift(step);
    state = from;
  }
  const repeat = steps
    .flatMap((s) => s.vias)
    .filter((v) => v !== null)
    .sort((a, b) => width(b) - width(a))[0];
  return repeat === undefined ? undefined : { steps, repeat, pump: spell(steps.map((s) => s.on)) };
}

const width = (node: Node): number => node.end - node.start;

// ---------------------------------------------------------------------------------------------
// Polynomial: a loop p, then a later loop q, and a text w on which p goes round to p, p reaches
// q, and q goes round to q: an input of n copies of w splits between the loops in n ways, and
// each split fails only after reading on (Weideman et al.'s IDA). Loops are paired first by the
// characters they repeat on; the text is then looked for in the automaton cubed.

function polynomial(src: string, graph: Graph): Backtracking | undefined {
  const { positions, edges } = graph;
  const comp = components(edges.map((out) => [...out.keys()]));
  const inner = (loop: readonly number[]): [number, Edge][] => loop.flatMap((i) => [...edges[i]!].filter(([j]) => loop.includes(j)));
  // Loops in source order, the search prefix last so that an adjacent pair is named first. A
  // loop made by bounded repetitions only ({1,20}) goes round a bounded number of times.
  const loops = groups(comp)
    .filter((loop) => inner(loop).some(([, e]) => e.vias.some((via) => (via === null ? loop[0]! >= graph.prefixStart : via.max === Infinity))))
    .sort((a, b) => a[0]! - b[0]!);
  const repeats = (loop: readonly number[]): CharSet => union(...inner(loop).map(([, e]) => e.on));
  const budget = { left: MAX_TRIPLES };
  for (const from of loops) {
    for (const to of loops) {
      const common = to === from ? [] : intersect(repeats(from), repeats(to));
      // Where the earlier loop arrives on a common character: it must keep going round on w.
      const starts = [...new Set(inner(from).filter(([, e]) => intersect(e.on, common).length > 0).map(([j]) => j))];
      const path = common.length === 0 ? undefined : route(graph, starts, new Set(to), common);
      const found = path === undefined ? 'none' : witness(graph, starts, to, budget);
      if (found === 'none') continue;
      // Out of budget, the pairing by characters stands (it can only err towards a finding), without a pump.
      const [p, q] = found === 'unknown' ? [path![0]!, path![path!.length - 1]!] : [found.p, found.q];
      const pump = found === 'unknown' ? {} : { pump: spell(found.text) };
      if (p < graph.prefixStart) return { kind: 'polynomial', part: spanning(src, positions[p]!.chain, positions[q]!.chain), hint: HINTS.adjacent, ...pump };
      const loop = positions[q]!.chain.filter((node) => node.kind === 'repeat' && node.max > 1).pop()!;
      const hint = HINTS[graph.prefix === 'lines' ? 'lines' : 'unanchored'];
      // In a lookaround body, the text that brings the matcher back to the lookaround is not known.
      return { kind: 'polynomial', part: src.slice(loop.start, loop.end), hint, ...(graph.look ? {} : pump) };
    }
  }
  return undefined;
}

/**
 * The shortest text on which p goes round to p, p reaches q and q goes round to q, for a p of
 * `from` and a q of `to`, as the characters each of its steps can take; 'unknown' when the
 * budget runs out or there were too many pairs to try.
 */
function witness(graph: Graph, from: readonly number[], to: readonly number[], budget: { left: number }): { p: number; q: number; text: CharSet[] } | 'none' | 'unknown' {
  const tried = 8;
  let best: { p: number; q: number; text: CharSet[] } | undefined;
  for (const p of from.slice(0, tried)) {
    for (const q of to.slice(0, tried)) {
      const text = triple(graph, p, q, budget);
      if (text === 'unknown') return best ?? 'unknown';
      if (text !== undefined && (best === undefined || text.length < best.text.length)) best = { p, q, text };
    }
  }
  return best ?? (from.length > tried || to.length > tried ? 'unknown' : 'none');
}

/** Breadth first in the automaton cubed, from (p, p, q) to (p, q, q). */
function triple(graph: Graph, p: number, q: number, budget: { left: number }): CharSet[] | undefined | 'unknown' {
  const n = graph.positions.length;
  const start = (p * n + p) * n + q;
  const goal = (p * n + q) * n + q;
  const parent = new Map<number, { from: number; on: CharSet }>([[start, { from: -1, on: [] }]]);
  const queue = [start];
  for (let k = 0; k < queue.length; k++) {
    if (--budget.left < 0) return 'unknown';
    const state = queue[k]!;
    const [a, b, c] = [Math.floor(state / n / n), Math.floor(state / n) % n, state % n];
    for (const [a2, ea] of graph.edges[a]!) {
      for (const [b2, eb] of graph.edges[b]!) {
        const ab = intersect(ea.on, eb.on);
        for (const [c2, ec] of ab.length === 0 ? [] : graph.edges[c]!) {
          const on = intersect(ab, ec.on);
          const next = (a2 * n + b2) * n + c2;
          if (on.length === 0 || parent.has(next)) continue;
          parent.set(next, { from: state, on });
          queue.push(next);
          if (next !== goal) continue;
          const text: CharSet[] = [];
          for (let at = goal; at !== start; at = parent.get(at)!.from) text.unshift(parent.get(at)!.on);
          return text;
        }
      }
    }
  }
  return undefined;
}

/** A shortest path from a position of `from` to one of `to` along edges that take a character of `common`. */
function route(graph: Graph, from: readonly number[], to: ReadonlySet<number>, common: CharSet): number[] | undefined {
  const parent = new Map<number, number>(from.map((i) => [i, -1]));
  const queue = [...from];
  for (let k = 0; k < queue.length; k++) {
    for (const [j, edge] of graph.edges[queue[k]!]!) {
      if (parent.has(j) || intersect(edge.on, common).length === 0) continue;
      parent.set(j, queue[k]!);
      if (!to.has(j)) {
        queue.push(j);
        continue;
      }
      const path = [j];
      for (let at = parent.get(j)!; at !== -1; at = parent.get(at)!) path.unshift(at);
      return path;
    }
  }
  return undefined;
}

/** The source from the item holding one position to the item holding the other, in their closest common sequence. */
function spanning(src: string, a: readonly Node[], b: readonly Node[]): string {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  const [x, y] = [a[k], b[k]];
  if (x === undefined || y === undefined) {
    // Two copies of one atom, as in (?:\d+){2}: the repeat that copies it.
    const copier = a.slice(0, k).find((node) => node.kind === 'repeat' && node.max > 1) ?? a[0]!;
    return src.slice(copier.start, copier.end);
  }
  const common = a[k - 1]!;
  // A lookbehind is read backwards: the later loop can come first in the source.
  if (common.kind === 'seq') return src.slice(Math.min(x.start, y.start), Math.max(x.end, y.end));
  return src.slice(common.start, common.end);
}

// ---------------------------------------------------------------------------------------------

/** Strongly connected components (Tarjan, iterative): the component of each node of a graph given as successor lists. */
function components(next: readonly (readonly number[])[]): number[] {
  const count = next.length;
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const comp = new Array<number>(count).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let comps = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, k] = top;
      const w = next[v]![k];
      if (w !== undefined) {
        top[1]++;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          work.push([w, 0]);
        } else if (comp[w] === -1) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] !== index[v]) continue;
      for (let u = stack.pop(); u !== undefined; u = u === v ? undefined : stack.pop()) comp[u] = comps;
      comps++;
    }
  }
  return comp;
}

/** The members of each component, each list in increasing order. */
function groups(comp: readonly number[]): number[][] {
  const out: number[][] = [];
  comp.forEach((c, i) => (out[c] ??= []).push(i));
  return out.filter((members) => members !== undefined);
}
