/** The position automaton the ReDoS analysis (../redos.ts) searches, and the graph helpers it uses. */
import { type CharSet, complement, intersect, LINE_TERMINATORS, union } from './charset';
import { type Node, type Repeat, unreachable } from './syntax';

/** A repetition with more optional iterations counts as unbounded; copies are capped at this count. */
const LARGE = 10;
/** Patterns whose automaton grows past this many positions are not analysed. */
const MAX_POSITIONS = 400;

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

export interface Edge {
  /** The characters an attack can take it on. */
  readonly on: CharSet;
  readonly vias: readonly (Repeat | null)[];
}

export interface Graph {
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

export function prefixOf(node: Node, flags: string): Prefix {
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

export function automaton(root: Node, { prefix, multiline, max, look }: Setting): Graph {
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

/** Strongly connected components (Tarjan, iterative): the component of each node of a graph given as successor lists. */
export function components(next: readonly (readonly number[])[]): number[] {
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
export function groups(comp: readonly number[]): number[][] {
  const out: number[][] = [];
  comp.forEach((c, i) => (out[c] ??= []).push(i));
  return out.filter((members) => members !== undefined);
}
