/**
 * fast-check arbitraries of the string formats the new-style brands require (time, duration, IP networks
 * and interfaces) and of base64 bytes: values each format accepts, shared by `tydantic/testing` and the
 * project's own property tests.
 */
import fc from 'fast-check';
import { toBase64 } from './formats/base64';

const two = (n: number): string => String(n).padStart(2, '0');

/** Times of day: `HH:MM`, maybe seconds and a fraction, maybe an offset. */
export const timeOfDay: fc.Arbitrary<string> = fc
  .tuple(
    fc.nat(23),
    fc.nat(59),
    fc.option(fc.tuple(fc.nat(59), fc.option(fc.integer({ min: 0, max: 999_999 })))),
    fc.option(fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.nat(23), fc.nat(59)).map(([sign, h, m]) => `${sign}${two(h)}:${two(m)}`))),
  )
  .map(([h, m, seconds, offset]) => {
    const s = seconds === null ? '' : `:${two(seconds[0])}${seconds[1] === null ? '' : `.${String(seconds[1]).padStart(6, '0')}`}`;
    return `${two(h)}:${two(m)}${s}${offset ?? ''}`;
  });

/** ISO 8601 durations: some of the units in order, the last one maybe with a fraction, maybe negative. */
export const isoDuration: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', '-'), fc.array(fc.option(fc.nat(999)), { minLength: 7, maxLength: 7 }), fc.boolean())
  .filter(([, parts]) => parts.some((p) => p !== null))
  .map(([sign, parts, half]) => {
    const units = ['Y', 'M', 'W', 'D', 'H', 'M', 'S'];
    let last = parts.length - 1;
    while (parts[last] === null) last--;
    const quantity = (i: number): string => (parts[i] === null ? '' : `${parts[i]}${i === last && half ? '.5' : ''}${units[i]}`);
    const date = [0, 1, 2, 3].map(quantity).join('');
    const time = [4, 5, 6].map(quantity).join('');
    return `${sign}P${date}${time === '' ? '' : `T${time}`}`;
  });

const quad = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const address4 = fc.integer({ min: 0, max: 0xffffffff });
const groups6 = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 });

/** IPv4 networks: an address with its host bits cleared, then its prefix length (none for a /32). */
export const ipv4Network: fc.Arbitrary<string> = fc.tuple(address4, fc.nat(32)).map(([n, prefix]) => {
  const size = 2 ** (32 - prefix);
  return prefix === 32 ? quad(n) : `${quad(n - (n % size))}/${prefix}`;
});

/** IPv6 networks: eight groups with the host bits cleared, then the prefix length. */
export const ipv6Network: fc.Arbitrary<string> = fc.tuple(groups6, fc.nat(128)).map(([groups, prefix]) => {
  const cleared = groups.map((g, i) => {
    const host = Math.min(16, Math.max(0, (i + 1) * 16 - prefix));
    return g - (g % 2 ** host);
  });
  return `${cleared.map((g) => g.toString(16)).join(':')}/${prefix}`;
});

/** IPv4 interfaces: any address, maybe with a prefix length. */
export const ipv4Interface: fc.Arbitrary<string> = fc.tuple(address4, fc.option(fc.nat(32))).map(([n, prefix]) => (prefix === null ? quad(n) : `${quad(n)}/${prefix}`));

/** IPv6 interfaces: any address, maybe with a prefix length. */
export const ipv6Interface: fc.Arbitrary<string> = fc
  .tuple(groups6, fc.option(fc.nat(128)))
  .map(([groups, prefix]) => `${groups.map((g) => g.toString(16)).join(':')}${prefix === null ? '' : `/${prefix}`}`);

/**
 * Base64 text, as `toJSON` writes a `Uint8Array`, within a schema's length bounds on the text. The byte counts behind them are not exact
 * (`maxLength: 4` stands for up to 1, 2 or 3 bytes): the least that reach `minLength`, up to the most that fit
 * `maxLength`, and the caller's parse drops those past the model's own bound.
 */
export function base64Within(minLength: number, maxLength: number | undefined): fc.Arbitrary<string> {
  const least = minLength === 0 ? 0 : Math.floor((3 * (minLength - 1)) / 4) + 1;
  const most = maxLength === undefined ? least + 24 : Math.min(3 * Math.floor(maxLength / 4), least + 24);
  return fc.uint8Array({ minLength: least, maxLength: Math.max(least, most) }).map(toBase64);
}
