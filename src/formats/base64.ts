/**
 * Base64 for `Uint8Array` fields: JSON carries bytes as base64 text (pydantic's `val_json_bytes='base64'`).
 *
 * Decoding takes the standard alphabet (`+`, `/`) or the URL-safe one (`-`, `_`), not both in one text,
 * with `=` padding up to a whole group of four or none, and nothing else: no whitespace, no data after
 * padding, and the bits of the last symbol that hold no data must be zero. The reasons are the Rust base64
 * crate's, which pydantic reports. Encoding writes the standard alphabet
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

/** The first UTF-8 byte of the character whose UTF-16 code unit is `c` (the base64 crate reads bytes). */
const firstByte = (c: number): number => (c < 0x80 ? c : c < 0x800 ? 0xc0 | (c >> 6) : c >= 0xd800 && c < 0xdc00 ? 0xf0 : 0xe0 | (c >> 12));

/**
 * Why `s` is not base64, in the base64 crate's words as pydantic reports them, or undefined when it is.
 * Offsets count bytes of UTF-8, as the crate's do; before the first bad symbol every character is ASCII,
 * so they are the string's indexes too.
 */
export function base64Error(s: string): string | undefined {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  // One alphabet per text: the first symbol of the other one is invalid.
  let url = 0; // 1: `-` or `_` seen, 2: `+` or `/` seen
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const kind = c === 45 || c === 95 ? 1 : c === 43 || c === 47 ? 2 : 0;
    if (valueAt(s, i) < 0 || (kind !== 0 && url !== 0 && kind !== url)) return `Invalid symbol ${firstByte(c)}, offset ${i}.`;
    if (kind !== 0) url = kind;
  }
  if (end % 4 === 1) return `Invalid input length: ${end}`;
  // Padding may complete the last group of four, not more; a `=` past that is an invalid symbol.
  const allowed = end % 4 === 0 ? 0 : 4 - (end % 4);
  if (s.length - end > allowed) return `Invalid symbol 61, offset ${end + allowed}.`;
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
