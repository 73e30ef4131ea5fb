/**
 * The base64 codec against the test vectors of RFC 4648 (section 10), written by its authors, not here:
 * each encodes to the RFC's text, and decodes from it, from its unpadded form (section 3.2) and from its
 * URL-safe spelling (section 5).
 */
import { describe, expect, it } from 'vitest';
import { base64Error, fromBase64, toBase64 } from './base64';

const RFC_4648: readonly (readonly [string, string])[] = [
  ['', ''],
  ['f', 'Zg=='],
  ['fo', 'Zm8='],
  ['foo', 'Zm9v'],
  ['foob', 'Zm9vYg=='],
  ['fooba', 'Zm9vYmE='],
  ['foobar', 'Zm9vYmFy'],
];

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('base64 on the RFC 4648 test vectors', () => {
  it.each(RFC_4648)('%j is %j', (plain, encoded) => {
    expect(toBase64(bytesOf(plain))).toBe(encoded);
    for (const text of [encoded, encoded.replace(/=+$/, '')]) {
      expect(base64Error(text)).toBeUndefined();
      expect(fromBase64(text)).toStrictEqual(bytesOf(plain));
    }
  });

  it('reads the URL-safe alphabet, and refuses both alphabets in one text', () => {
    // 0xfb 0xff 0xbf: every 6-bit group is 62 or 63, the symbols the alphabets spell differently.
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf]);
    expect(toBase64(bytes)).toBe('+/+/');
    expect(fromBase64('-_-_')).toStrictEqual(bytes);
    expect(base64Error('+_-/')).toBe('Invalid symbol 95, offset 1.');
  });
});
