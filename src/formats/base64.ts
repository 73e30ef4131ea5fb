/**
 * Base64 for `Uint8Array` fields: JSON carries bytes as base64 text (pydantic's `val_json_bytes='base64'`).
 *
 * Decoding takes the standard alphabet (`+`, `/`) and the URL-safe one (`-`, `_`), with or without `=`
 * padding, and nothing else: no whitespace, no data after padding, and the bits of the last symbol that
 * hold no data must be zero, so each byte sequence has one accepted spelling per alphabet and padding.
 * The reasons are the Rust base64 crate's, which pydantic reports. Encoding writes the standard alphabet
 * with padding, as `Buffer#toString('base64')` does. One linear pass each, no `atob`, `btoa` or `Buffer`.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The 6-bit value of each ASCII code, -1 for codes outside both alphabets. */
const VALUES = /* @__PURE__ */ (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) table[ALPHABET.charCodeAt(i)] = i;
  table[45] = 62; // '-'
  table[95] = 63; // '_'
  return table;
})();

/** The 6-bit value of the symbol at `i` of `s`, or -1. */
const valueAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  return c < 128 ? (VALUES[c] ?? -1) : -1;
};

/** Why `s` is not base64, in the base64 crate's words, or undefined when it is. */
export function base64Error(s: string): string | undefined {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  const padding = s.length - end;
  for (let i = 0; i < end; i++) {
    if (valueAt(s, i) < 0) return `Invalid symbol ${s.charCodeAt(i)}, offset ${i}.`;
  }
  if (end % 4 === 1) return 'Invalid input length.';
  // Padding, when there is any, fills the last group of four exactly.
  if (padding > 0 && (padding > 2 || (end + padding) % 4 !== 0)) return 'Invalid padding';
  const spare = end % 4 === 2 ? 15 : end % 4 === 3 ? 3 : 0;
  if ((valueAt(s, end - 1) & spare) !== 0) return `Invalid last symbol ${s.charCodeAt(end - 1)}, offset ${end - 1}.`;
  return undefined;
}

/** The bytes base64 text `s` stands for (call only after base64Error returned undefined). */
export function fromBase64(s: string): Uint8Array {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let count = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    bits = ((bits << 6) | valueAt(s, i)) & 0xffffff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[o++] = (bits >> count) & 0xff;
    }
  }
  return out;
}

/** `bytes` as base64 text: the standard alphabet, with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const n = bytes.length;
  for (let i = 0; i < n; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < n ? bytes[i + 1]! : 0;
    const c = i + 2 < n ? bytes[i + 2]! : 0;
    const triple = (a << 16) | (b << 8) | c;
    out += ALPHABET[triple >> 18]! + ALPHABET[(triple >> 12) & 63]!;
    out += i + 1 < n ? ALPHABET[(triple >> 6) & 63]! : '=';
    out += i + 2 < n ? ALPHABET[triple & 63]! : '=';
  }
  return out;
}
