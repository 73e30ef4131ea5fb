/** Character sets for the ReDoS analysis (../redos.ts). */

// ---------------------------------------------------------------------------------------------
// Character sets: sorted, disjoint, inclusive ranges of code units (code points with u or v).

export type CharSet = readonly (readonly [number, number])[];

export function normalize(ranges: readonly (readonly [number, number])[]): CharSet {
  const out: [number, number][] = [];
  for (const [lo, hi] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function union(...sets: CharSet[]): CharSet {
  return normalize(sets.flat());
}

export function intersect(a: CharSet, b: CharSet): CharSet {
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

export function complement(set: CharSet, max: number): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= max) out.push([next, max]);
  return out;
}

export const DIGIT: CharSet = [[0x30, 0x39]];
export const WORD: CharSet = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
export const SPACE: CharSet = normalize([
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]);
export const LINE_TERMINATORS: CharSet = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];
/** Where a readable sample character is looked for first: letters, digits, space, printable ASCII. */
const READABLE: CharSet[] = [[[0x61, 0x7a]], DIGIT, [[0x41, 0x5a]], [[0x20, 0x20]], [[0x21, 0x7e]]];

/**
 * A text with a character of each non-empty set in turn, cut to the shortest string it repeats
 * ('aa' → 'a'): one character for all where one fits, readable ones first, the previous one
 * again where it fits.
 */
export function spell(sets: readonly CharSet[]): string {
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
