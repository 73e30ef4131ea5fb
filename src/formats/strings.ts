/**
 * Checks of the string formats behind the brands `Email`, `Url`, `HttpUrl`, `Uuid`, `IPv4`, `IPv6`, `DateString`,
 * `TimeString`, `Duration` and the IP network and interface brands,
 * and pydantic v2's error type and detail when one fails. Every check is a single linear pass (IP and
 * UUID inputs are cut off by length first) and, except `isUrl` and the IPv6 network check (a few small
 * arrays), allocates nothing.
 *
 * email  Pragmatic: a local part of ASCII atext and single inner dots (1 to 64 characters), one `@`, and
 *        a domain of two or more labels of ASCII letters, digits and hyphens (1 to 63 characters, no
 *        hyphen at either end) ending in a letter; 254 characters in all. Stricter than pydantic's
 *        email-validator: no quoted local part, IP literal, `Name <addr>` form, surrounding space or
 *        non-ASCII (internationalized) character. Reasons are email-validator's sentences; a character
 *        it would name (`NO-BREAK SPACE`) is shown as `U+00A0`.
 * url    An absolute URL: a scheme and `:`, then anything `URL.canParse` (WHATWG) accepts, with a host
 *        for `http`, `https`, `ws`, `wss` and `ftp`. Spaces or control characters at either end, and
 *        tabs or newlines anywhere, are rejected rather than stripped: the brand keeps the string as is.
 * httpUrl  pydantic's HttpUrl: a `url` whose scheme is `http` or `https`, at most 2,083 characters.
 * uuid   Only the hyphenated 8-4-4-4-12 form, either case, any version or variant (pydantic also takes
 *        the 32-digit, `{braced}` and `urn:uuid:` forms).
 * ipv4   A dotted quad of decimal 0 to 255 without leading zeros, as Python's ipaddress.
 * ipv6   RFC 4291 text: eight groups of 1 to 4 hex digits, at most one `::` for one or more zero groups,
 *        optionally a dotted quad as the last 32 bits. No zone id, brackets or spaces.
 * date   `YYYY-MM-DD`, a real proleptic Gregorian date in years 0000 to 9999; no unix timestamps.
 * time   A time of day as in a datetime: `HH:MM`, then optionally `:SS` and a fraction, then optionally
 *        an offset (`Z`, `±HH:MM`, `±HHMM`, `±HH`) below 24 hours.
 * duration  An ISO 8601 duration (`P1DT2H30M`, `-PT0.5S`): see duration.ts.
 * ipv4Network, ipv6Network  An address with an optional prefix (a length; for IPv4 also a mask or host
 *        mask), no bits set after the prefix, as Python's ipaddress networks (strict). No zone id (`%eth0`),
 *        as for IPv6 addresses.
 * ipv4Interface, ipv6Interface  The same with host bits allowed: an address on a network.
 */
import { dateError, isDate, isTimeOfDay, timeOfDayError } from './datetime';
import { durationError, isDuration } from './duration';

export { isDuration };

/** The formats a string brand can require. */
export type StringFormat = 'email' | 'url' | 'httpUrl' | 'uuid' | 'ipv4' | 'ipv6' | 'date' | 'time' | 'duration' | 'ipv4Network' | 'ipv6Network' | 'ipv4Interface' | 'ipv6Interface';

/** Why a string does not have a format: pydantic's error type, and the detail for its message (when the type's template has one). */
export interface FormatError {
  readonly type:
    | 'value_error'
    | 'url_parsing'
    | 'url_scheme'
    | 'url_too_long'
    | 'uuid_parsing'
    | 'ip_v4_address'
    | 'ip_v6_address'
    | 'date_parsing'
    | 'time_parsing'
    | 'time_delta_parsing'
    | 'ip_v4_network'
    | 'ip_v6_network'
    | 'ip_v4_interface'
    | 'ip_v6_interface';
  readonly error?: string;
}

// Classes of ASCII characters, as bits.
const ATEXT = 1; // in an email local part, besides `.`
const LDH = 2; // letter, digit or hyphen
const HEX = 4;
const ALPHA = 8;
/**
 * The class bits of each ASCII code, one hex digit per code from 0 to 127: 1 for the atext of an email
 * local part (letters, digits and ``!#$%&'*+-/=?^_`{|}~``), 2 for letters, digits and `-`, 4 for hex digits,
 * 8 for letters. Data, not a loop over regexes: a quarter of the bytes (a bundle without the format
 * checks drops it, the call is pure).
 */
const CLASSES = /* @__PURE__ */ Uint8Array.from(
  '00000000000000000000000000000000010111110011030177777777770001010ffffffbbbbbbbbbbbbbbbbbbbb000111ffffffbbbbbbbbbbbbbbbbbbbb11110',
  (digit) => parseInt(digit, 16),
);

/** The class bits of the code `c` (0 when not ASCII). */
const classOf = (c: number): number => (c < 128 ? (CLASSES[c] ?? 0) : 0);
/** The class bits of the character at `i` (0 past the end: NaN compares false). */
const classAt = (s: string, i: number): number => classOf(s.charCodeAt(i));

/** True when `s` is an email address (see the rules above). */
export function isEmail(s: string): boolean {
  const n = s.length;
  const at = s.indexOf('@');
  if (n > 254 || at < 1 || at > 64) return false;
  for (let i = 0; i < at; i++) {
    const dot = s.charCodeAt(i) === 46;
    if (dot ? i === 0 || i === at - 1 || s.charCodeAt(i - 1) === 46 : !(classAt(s, i) & ATEXT)) return false;
  }
  let labels = 0;
  for (let i = at + 1, label = i; i <= n; i++) {
    if (i < n && s.charCodeAt(i) !== 46) {
      if (!(classAt(s, i) & LDH)) return false;
      continue;
    }
    if (i === label || i - label > 63 || s.charCodeAt(label) === 45 || s.charCodeAt(i - 1) === 45) return false;
    label = i + 1;
    labels++;
  }
  return labels > 1 && (classAt(s, n - 1) & ALPHA) !== 0;
}

const SPECIAL = ['http', 'https', 'ws', 'wss', 'ftp'];
const EMPTY_HOST = 1;
const BAD_PORT = 2;

/** `URL.canParse`, or a `new URL` attempt where that is missing (Safari before 17). */
function canParse(s: string): boolean {
  if (typeof URL.canParse === 'function') return URL.canParse(s);
  try {
    return new URL(s).protocol !== '';
  } catch {
    return false;
  }
}

/** The index of the `:` after a scheme at the start of `s`, or -1. */
function schemeEnd(s: string): number {
  if (!(classAt(s, 0) & ALPHA)) return -1;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) return i;
    if (!(classOf(c) & LDH) && c !== 43 && c !== 46) return -1;
  }
  return -1;
}

/** True when the scheme `s.slice(0, end)`, in any case, is one that needs a host. */
function isSpecial(s: string, end: number): boolean {
  for (const name of SPECIAL) {
    let k = 0;
    while (k < end && (s.charCodeAt(k) | 32) === name.charCodeAt(k)) k++;
    if (k === end && k === name.length) return true;
  }
  return false;
}

/** Checks the authority (if any) after the scheme's `:` at `i - 1`: EMPTY_HOST, BAD_PORT or 0. */
function hostIssue(s: string, i: number, special: boolean): number {
  const n = s.length;
  if (!special) {
    if (!s.startsWith('//', i)) return 0; // no authority
    i += 2;
  }
  while (special && (s.charCodeAt(i) === 47 || s.charCodeAt(i) === 92)) i++;
  let end = i;
  let host = i;
  for (let c = s.charCodeAt(end); end < n && c !== 47 && c !== 63 && c !== 35 && !(special && c === 92); ) {
    if (c === 64) host = end + 1; // the last `@` ends the user info
    c = s.charCodeAt(++end);
  }
  let k = host;
  if (s.charCodeAt(k) === 91) {
    while (k < end && s.charCodeAt(k) !== 93) k++;
    k++;
  } else while (k < end && s.charCodeAt(k) !== 58) k++;
  if (k === host) return special ? EMPTY_HOST : 0;
  if (s.charCodeAt(k) !== 58 || k >= end) return 0;
  for (let p = k + 1, port = 0; p < end; p++) {
    const d = s.charCodeAt(p) - 48;
    port = port * 10 + d;
    if (d < 0 || d > 9 || port > 65535) return BAD_PORT;
  }
  return 0;
}

/** True when `s` is an absolute URL (see the rules above). */
export function isUrl(s: string): boolean {
  const colon = schemeEnd(s);
  const n = s.length;
  if (colon < 0 || s.charCodeAt(n - 1) <= 32) return false;
  for (let i = colon + 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) return false;
  }
  return !(isSpecial(s, colon) && hostIssue(s, colon + 1, true)) && canParse(s);
}

/** The longest `HttpUrl` (pydantic's, after the limit browsers kept). */
export const HTTP_URL_MAX = 2083;

/** True when `s` is an absolute `http` or `https` URL of at most 2,083 characters (pydantic's `HttpUrl`). */
export function isHttpUrl(s: string): boolean {
  return s.length <= HTTP_URL_MAX && httpScheme(s) && isUrl(s);
}

/** True when `s` starts with `http:` or `https:`, in any case. */
function httpScheme(s: string): boolean {
  const colon = schemeEnd(s);
  return (colon === 4 || colon === 5) && isSpecial(s, colon) && (s.charCodeAt(0) | 32) === 104 && (s.charCodeAt(1) | 32) === 116;
}

/**
 * Why `s` is not an `HttpUrl` (call only after isHttpUrl returned false): not a URL (`url_parsing`), too long
 * (`url_too_long`), or another scheme (`url_scheme`), as pydantic checks them.
 */
export function httpUrlError(s: string): { readonly type: 'url_parsing'; readonly error: string } | { readonly type: 'url_too_long'; readonly max_length: number } | { readonly type: 'url_scheme'; readonly expected_schemes: string } {
  if (!isUrl(s)) return { type: 'url_parsing', error: urlReason(s) };
  if (s.length > HTTP_URL_MAX) return { type: 'url_too_long', max_length: HTTP_URL_MAX };
  return { type: 'url_scheme', expected_schemes: "'http' or 'https'" };
}

/** True when `s` is a UUID in the hyphenated 8-4-4-4-12 form, in either case. */
export function isUuid(s: string): boolean {
  if (s.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23 ? s.charCodeAt(i) !== 45 : !(classAt(s, i) & HEX)) return false;
  }
  return true;
}

/** True when `s` from `i` to `n` (its end) is a dotted quad of decimal 0 to 255 without leading zeros. */
function isQuad(s: string, i: number, n = s.length): boolean {
  if (n - i > 15) return false;
  for (let part = 0; part < 4; part++) {
    if (part > 0 && s.charCodeAt(i++) !== 46) return false;
    const first = i;
    let value = 0;
    for (let d = s.charCodeAt(i) - 48; d >= 0 && d <= 9 && i - first < 3; d = s.charCodeAt(i) - 48) {
      value = value * 10 + d;
      i++;
    }
    if (i === first || value > 255 || (i - first > 1 && s.charCodeAt(first) === 48)) return false;
  }
  return i === n;
}

/** True when `s` is an IPv4 address in dotted-quad form. */
export function isIPv4(s: string): boolean {
  return isQuad(s, 0);
}

/** True when `s` is an IPv6 address in RFC 4291 text form (see the rules above). */
export function isIPv6(s: string): boolean {
  return isIPv6To(s, s.length);
}

/** True when `s` up to `n` is an IPv6 address in RFC 4291 text form. */
function isIPv6To(s: string, n: number): boolean {
  if (n < 2 || n > 45) return false;
  const gapFirst = s.charCodeAt(0) === 58;
  if (gapFirst && s.charCodeAt(1) !== 58) return false;
  let gap = gapFirst;
  let groups = 0;
  for (let i = gapFirst ? 2 : 0; i < n; ) {
    const start = i;
    while (classAt(s, i) & HEX) i++;
    const c = s.charCodeAt(i);
    if (c === 46) return (gap ? groups < 6 : groups === 6) && isQuad(s, start, n); // the last 32 bits
    if (i === start || i - start > 4) return false;
    groups++;
    if (i === n) break;
    if (c !== 58 || ++i === n) return false;
    if (s.charCodeAt(i) === 58) {
      if (gap) return false;
      gap = true;
      i++;
    }
  }
  return gap ? groups <= 7 : groups === 8;
}

/** The value of the decimal number at `i` to `n` (1 to 10 digits, leading zeros allowed as Python allows them), or -1. */
function prefixAt(s: string, i: number, n: number): number {
  if (n - i < 1 || n - i > 10) return -1;
  let value = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** The 32-bit value of the (valid) dotted quad at `i` to `n`. */
function quadValue(s: string, i: number, n: number): number {
  let value = 0;
  let part = 0;
  for (; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 46;
    if (c === 46) {
      value = value * 256 + part;
      part = 0;
    } else part = part * 10 + c - 48;
  }
  return value;
}

/** The prefix length a mask (`255.255.0.0`) or host mask (`0.0.255.255`) stands for, as Python reads them, or -1. */
function maskPrefix(mask: number): number {
  // A netmask first: all ones is /32 and all zeros /0, not the host masks they also are.
  const inverted = 0xffffffff - mask;
  for (let bits = 0; bits <= 32; bits++) if (inverted === 2 ** (32 - bits) - 1) return bits;
  for (let bits = 0; bits <= 32; bits++) if (mask === 2 ** (32 - bits) - 1) return bits;
  return -1;
}

/** True when the low `32 - prefix` bits of the (valid) IPv4 address at 0 to `n` are zero. */
function ipv4HostClear(s: string, n: number, prefix: number): boolean {
  return quadValue(s, 0, n) % 2 ** (32 - prefix) === 0;
}

/** True when the bits after the first `prefix` of the (valid) IPv6 address at 0 to `n` are zero. */
function ipv6HostClear(s: string, n: number, prefix: number): boolean {
  if (prefix === 128) return true;
  // The 16-bit groups from the left, then from the right of a `::`; a dotted tail is two groups.
  const groups = [0, 0, 0, 0, 0, 0, 0, 0];
  const gap = s.indexOf('::');
  const head = gap < 0 ? n : gap;
  const fill = (from: number, to: number, into: number[]): void => {
    for (let i = from; i < to; ) {
      let end = i;
      while (end < to && s.charCodeAt(end) !== 58) end++;
      if (s.indexOf('.', i) >= 0 && s.indexOf('.', i) < end) {
        const quad = quadValue(s, i, end);
        into.push(Math.floor(quad / 65536), quad % 65536);
      } else into.push(parseInt(s.slice(i, end), 16));
      i = end + 1;
    }
  };
  const left: number[] = [];
  const right: number[] = [];
  fill(0, head, left);
  if (gap >= 0) fill(gap + 2, n, right);
  left.forEach((g, i) => (groups[i] = g));
  right.forEach((g, i) => (groups[8 - right.length + i] = g));
  for (let g = 0; g < 8; g++) {
    const hostBits = Math.min(16, Math.max(0, (g + 1) * 16 - prefix));
    if (hostBits > 0 && groups[g]! % 2 ** hostBits !== 0) return false;
  }
  return true;
}

/**
 * True when `s` is an address with an optional `/prefix` (Python's ipaddress networks and interfaces):
 * an IPv4 prefix is a length 0 to 32, a mask or a host mask; an IPv6 prefix a length 0 to 128. A network
 * (`hostClear`) has no bits set after its prefix; an interface may have.
 */
function isIPWithPrefix(s: string, v6: boolean, hostClear: boolean): boolean {
  const slash = s.indexOf('/');
  const end = slash < 0 ? s.length : slash;
  if (!(v6 ? isIPv6To(s, end) : isQuad(s, 0, end))) return false;
  const bits = v6 ? 128 : 32;
  if (slash < 0) return true;
  let prefix = prefixAt(s, slash + 1, s.length);
  if (prefix < 0 && !v6 && isQuad(s, slash + 1)) prefix = maskPrefix(quadValue(s, slash + 1, s.length));
  if (prefix < 0 || prefix > bits) return false;
  return !hostClear || (v6 ? ipv6HostClear(s, end, prefix) : ipv4HostClear(s, end, prefix));
}

/** True when `s` is an IPv4 network: `10.0.0.0/8`, `10.0.0.0/255.0.0.0` or an address (a /32); no host bits set (pydantic's `IPv4Network`). */
export function isIPv4Network(s: string): boolean {
  return isIPWithPrefix(s, false, true);
}

/** True when `s` is an IPv6 network: `2001:db8::/32` or an address (a /128); no host bits set (pydantic's `IPv6Network`). */
export function isIPv6Network(s: string): boolean {
  return isIPWithPrefix(s, true, true);
}

/** True when `s` is an IPv4 interface: an address with an optional prefix, host bits allowed (`10.0.0.5/8`). */
export function isIPv4Interface(s: string): boolean {
  return isIPWithPrefix(s, false, false);
}

/** True when `s` is an IPv6 interface: an address with an optional prefix, host bits allowed (`2001:db8::5/64`). */
export function isIPv6Interface(s: string): boolean {
  return isIPWithPrefix(s, true, false);
}

/** True when `s` is a time of day, `HH:MM[:SS[.fraction]]` with an optional offset (`Z`, `+02:00`). */
export function isTimeString(s: string): boolean {
  return isTimeOfDay(s);
}

/** Why `s` is not a time of day, in speedate's words (call only after isTimeString returned false). */
export function timeReason(s: string): string {
  return timeOfDayError(s) ?? '';
}

/** Why `s` is not an ISO 8601 duration (call only after isDuration returned false). */
export function durationReason(s: string): string {
  return durationError(s) ?? '';
}

/** True when `s` is a valid calendar date written YYYY-MM-DD. */
export function isDateString(s: string): boolean {
  return isDate(s);
}

/** What an email error's message says before the reason (pydantic's wording). */
export const EMAIL_PREFIX = 'value is not a valid email address: ';

/**
 * Why `s` fails `format` (call only after the matching is* returned false). Generated code
 * calls each format's reason function instead, so a bundle keeps only the formats it uses.
 */
export function formatError(format: StringFormat, s: string): FormatError {
  if (format === 'httpUrl') {
    const found = httpUrlError(s);
    return Object.freeze(found.type === 'url_parsing' ? { type: found.type, error: found.error } : { type: found.type });
  }
  const type = FORMAT_TYPES[format];
  const reason = format === 'email' ? EMAIL_PREFIX + emailReason(s)
    : format === 'url' ? urlReason(s)
    : format === 'uuid' ? uuidReason(s)
    : format === 'date' ? dateReason(s)
    : format === 'time' ? timeReason(s)
    : format === 'duration' ? durationReason(s)
    : undefined;
  return Object.freeze(reason === undefined ? { type } : { type, error: reason });
}

/** The check of each format, by name (the compile step and tests look them up; generated code imports each one). */
export const FORMAT_CHECKS: { readonly [F in StringFormat]: (s: string) => boolean } = {
  email: isEmail,
  url: isUrl,
  httpUrl: isHttpUrl,
  uuid: isUuid,
  ipv4: isIPv4,
  ipv6: isIPv6,
  date: isDateString,
  time: isTimeString,
  duration: isDuration,
  ipv4Network: isIPv4Network,
  ipv6Network: isIPv6Network,
  ipv4Interface: isIPv4Interface,
  ipv6Interface: isIPv6Interface,
};

const FORMAT_TYPES: { readonly [F in StringFormat]: FormatError['type'] } = {
  email: 'value_error',
  url: 'url_parsing',
  httpUrl: 'url_parsing',
  uuid: 'uuid_parsing',
  ipv4: 'ip_v4_address',
  ipv6: 'ip_v6_address',
  date: 'date_parsing',
  time: 'time_parsing',
  duration: 'time_delta_parsing',
  ipv4Network: 'ip_v4_network',
  ipv6Network: 'ip_v6_network',
  ipv4Interface: 'ip_v4_interface',
  ipv6Interface: 'ip_v6_interface',
};

/** Why `s` is not a `YYYY-MM-DD` date, in speedate's words (call only after isDateString returned false). */
export function dateReason(s: string): string {
  return dateError(s) ?? '';
}

/** `(N characters too many)`, as email-validator puts it. */
const tooMany = (extra: number): string => `(${extra} character${extra > 1 ? 's' : ''} too many)`;

/** A character as email-validator shows it: as Python's repr, `SPACE`, or `U+XXXX`. */
function show(ch: string): string {
  if (ch === '\\') return '"\\"';
  if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(ch)) return ch === "'" ? `"'"` : `'${ch}'`;
  const code = ch.codePointAt(0) ?? 0;
  return ch === ' ' ? 'SPACE' : `U+${code.toString(16).toUpperCase().padStart(code < 0xffff ? 4 : 8, '0')}`;
}

/** The distinct characters of `part` that `bad` picks out by code point, shown, sorted and joined. */
function badChars(part: string, bad: (code: number) => boolean): string {
  const found = new Set<string>();
  for (const ch of part) if (bad(ch.codePointAt(0) ?? 0)) found.add(ch);
  return [...found].map(show).sort().join(', ');
}

/** email-validator's complaint about periods (and in a domain, hyphens) in `part`, or ''. */
function dotReason(part: string, atStart: string, atEnd: string, domain: boolean): string {
  const say = (template: string, what: string): string => `An email address ${template.replace('{}', what)}.`;
  if (part.endsWith('.')) return say(atEnd, 'period');
  if (part.startsWith('.')) return say(atStart, 'period');
  if (part.includes('..')) return 'An email address cannot have two periods in a row.';
  if (!domain) return '';
  if (part.endsWith('-')) return say(atEnd, 'hyphen');
  if (part.startsWith('-')) return say(atStart, 'hyphen');
  return part.includes('.-') || part.includes('-.') ? 'An email address cannot have a period and a hyphen next to each other.' : '';
}

/** Why `s` is not an email address, in email-validator's words where it has them (the part after EMAIL_PREFIX). */
export function emailReason(s: string): string {
  const at = s.indexOf('@');
  if (at < 0) return 'An email address must have an @-sign.';
  if (at === 0) return 'There must be something before the @-sign.';
  if (at > 64) return `The email address is too long before the @-sign ${tooMany(at - 64)}.`;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (at > 1 && local.startsWith('"') && local.endsWith('"')) return 'Quoting the part before the @-sign is not allowed here.';
  let bad = badChars(local, (c) => c < 128 && c !== 46 && !(classOf(c) & ATEXT));
  if (bad) return `The email address contains invalid characters before the @-sign: ${bad}.`;
  const localDots = dotReason(local, 'cannot start with a {}', 'cannot have a {} immediately before the @-sign', false);
  if (localDots) return localDots;
  if ((bad = badChars(local, (c) => c >= 128))) return `Internationalized characters before the @-sign are not supported: ${bad}.`;
  if (domain === '') return 'There must be something after the @-sign.';
  if (domain.startsWith('[') && domain.endsWith(']')) return 'A bracketed IP address after the @-sign is not allowed here.';
  bad = badChars(domain, (c) => c < 128 && c !== 46 && !(classOf(c) & LDH));
  if (bad) return `The part after the @-sign contains invalid characters: ${bad}.`;
  if ((bad = badChars(domain, (c) => c >= 128))) return `Internationalized characters after the @-sign are not supported: ${bad}.`;
  const domainDots = dotReason(domain, 'cannot have a {} immediately after the @-sign', 'cannot end with a {}', true);
  if (domainDots) return domainDots;
  if (domain.length > 253) return `The email address is too long after the @-sign ${tooMany(domain.length - 253)}.`;
  const long = domain.split('.').find((label) => label.length > 63);
  if (long) return `After the @-sign, periods cannot be separated by so many characters ${tooMany(long.length - 63)}.`;
  if (!domain.includes('.')) return 'The part after the @-sign is not valid. It should have a period.';
  if (!(classAt(domain, domain.length - 1) & ALPHA)) {
    return 'The part after the @-sign is not valid. It is not within a valid top-level domain.';
  }
  return `The email address is too long ${tooMany(s.length - 254)}.`;
}

/** Why `s` is not an absolute URL, in the Rust url crate's words where it has them. */
export function urlReason(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  const trimmed = s.slice(a, b).replace(/[\t\n\r]/g, '');
  if (canParse(s)) {
    if (a > 0 || b < s.length) return 'leading or trailing control or space character are ignored in URLs';
    if (trimmed.length < b - a) return 'tabs or newlines are ignored in URLs';
  }
  const colon = schemeEnd(trimmed);
  if (colon < 0) return 'relative URL without a base';
  const issue = hostIssue(trimmed, colon + 1, isSpecial(trimmed, colon));
  return issue === EMPTY_HOST ? 'empty host' : issue === BAD_PORT ? 'invalid port number' : 'invalid URL';
}

/** Why `s` is not a hyphenated UUID, as the Rust uuid crate's `InvalidUuid::into_err` words it. */
export function uuidReason(s: string): string {
  const hyphens = [0, 0, 0, 0];
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === 45) {
      if (count < 4) hyphens[count] = i;
      count++;
    } else if (!(classAt(s, i) & HEX)) {
      const ch = String.fromCodePoint(s.codePointAt(i) ?? 0);
      return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${ch}\` at ${i + 1}`;
    }
  }
  if (count === 0 && s.length !== 32) return `invalid length: expected length 32 for simple format, found ${s.length}`;
  if (count !== 4) return `invalid group count: expected 5, found ${count + 1}`;
  for (let group = 0, start = 0; group < 5; group++) {
    const end = hyphens[group] ?? s.length;
    const expected = [8, 4, 4, 4, 12][group] ?? 0;
    if (end - start !== expected) return `invalid group length in group ${group}: expected ${expected}, found ${end - start}`;
    start = end + 1;
  }
  return 'invalid UUID';
}
