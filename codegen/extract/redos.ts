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

import { type CharSet, intersect, spell, union } from './redos/charset';
import { type Node, parse, type Repeat } from './redos/syntax';
import { automaton, components, type Edge, type Graph, groups, prefixOf } from './redos/automaton';

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

/** Pair graphs past this many nodes are not searched. */
const MAX_PAIRS = 200_000;
/** Triples visited, in all, looking for polynomial pumps. */
const MAX_TRIPLES = 200_000;

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
