import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isIPv4 as netIsIPv4, isIPv6 as netIsIPv6 } from 'node:net';
import { dateError } from './datetime';
import { FORMAT_CHECKS, formatError, isDateString, isEmail, isIPv4, isIPv4Interface, isIPv4Network, isIPv6, isIPv6Network, isUrl, isUuid, type FormatError, type StringFormat } from './strings';
import { durationMs } from './duration';
import { ipv4Interface, ipv4Network, ipv6Interface, ipv6Network, isoDuration, timeOfDay } from '../testing-formats';

const CHECKS: Record<StringFormat, (s: string) => boolean> = FORMAT_CHECKS;
const FORMATS = Object.keys(CHECKS) as StringFormat[];

const email = (reason: string): FormatError => ({ type: 'value_error', error: `value is not a valid email address: ${reason}` });
const url = (error: string): FormatError => ({ type: 'url_parsing', error });
const uuid = (error: string): FormatError => ({ type: 'uuid_parsing', error });
const uuidChar = (ch: string, at: number): FormatError =>
  uuid(`invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${ch}\` at ${at}`);
const date = (error: string): FormatError => ({ type: 'date_parsing', error });
const IPV4: FormatError = { type: 'ip_v4_address' };
const IPV6: FormatError = { type: 'ip_v6_address' };

const LABELS_189 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(61)}`;
const VALID: Record<StringFormat, string[]> = {
  email: ['a@b.co', 'first.last@example.com', "o'brien+tag@mail.example.org", "x!#$%&'*+/=?^_`{|}~-@a-b.c-d.io", 'UP@EXAMPLE.COM',
    '1@2.a', 'a@xn--bcher-kva.de', `a@${'b'.repeat(63)}.com`, `${'l'.repeat(64)}@x.io`, `${'l'.repeat(64)}@${LABELS_189}`],
  url: ['http://example.com', 'https://example.com/p?q=1#f', 'HTTPS://EXAMPLE.COM', 'ftp://ftp.example.com/a.txt', 'ws://localhost:8080/s',
    'wss://[::1]:443/', 'http://user:pw@host.example:65535/', 'mailto:someone@example.com', 'urn:isbn:0451450523', 'file:///etc/hosts',
    'data:text/plain,hi', 'foo://', 'git+ssh://git@github.com/a/b.git', 'http://1.2.3.4/', 'http:example.com', 'http://a.com/a b',
    'a.b-c+d:opaque'],
  httpUrl: ['http://example.com', 'https://example.com/p?q=1#f', 'HTTPS://EXAMPLE.COM', 'http://user:pw@host.example:65535/', 'http://1.2.3.4/',
    'https://[::1]/', `https://example.com/${'a'.repeat(2063)}`],
  uuid: ['6d93bade-bd9f-4e13-8914-9474e1e3567b', '6D93BADE-BD9F-4E13-8914-9474E1E3567B', '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff', '01890a5d-ac96-774b-bcce-b302099a8057', 'AbCdEf01-2345-6789-abcd-ef0123456789'],
  ipv4: ['0.0.0.0', '127.0.0.1', '255.255.255.255', '192.168.1.10', '10.0.0.255', '1.22.3.199'],
  ipv6: ['::', '::1', '1::', '2001:db8::8a2e:370:7334', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'FE80::1', '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1::8', '::ffff:192.0.2.128', '64:ff9b::192.0.2.33', '1:2:3:4:5:6:1.2.3.4', '::1.2.3.4',
    'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255'],
  date: ['2024-02-29', '2000-02-29', '1970-01-01', '0000-01-01', '9999-12-31', '2023-12-31', '2023-04-30'],
  time: ['00:00', '23:59', '09:30:00', '23:59:59.999999', '12:00:00,5', '08:00Z', '08:00:00z', '08:00:00+02:00', '08:00-0530', '08:00+01', '08:00\u221201:00'],
  duration: ['P1D', 'PT0S', 'P0D', 'P1Y2M3W4DT5H6M7S', 'PT1.5S', 'PT0,25H', 'P1.5Y', '-PT30M', '+P2W', 'PT36H', 'P999999999D'],
  ipv4Network: ['10.0.0.0/8', '192.168.1.0/24', '0.0.0.0/0', '1.2.3.4', '1.2.3.4/32', '10.0.0.0/255.0.0.0', '10.0.0.0/0.255.255.255', '172.16.0.0/012', '10.0.0.1/255.255.255.255', '10.0.0.0/0008', '0.0.0.0/0.0.0.0'],
  ipv6Network: ['2001:db8::/32', '::/0', '::1', '::1/128', 'fe80::/10', '2001:db8:0:0:8000::/65', '::ffff:0.0.0.0/96', '2001:db8::/0032'],
  ipv4Interface: ['10.0.0.5/8', '192.168.1.7/24', '1.2.3.4', '1.2.3.4/0', '10.0.0.5/255.0.0.0'],
  ipv6Interface: ['2001:db8::5/64', '::1', 'fe80::1/10', '::ffff:192.0.2.1/96'],
};

const time = (error: string): FormatError => ({ type: 'time_parsing', error });
const duration = (error: string): FormatError => ({ type: 'time_delta_parsing', error });

const INVALID: [StringFormat, string, FormatError][] = [
  ['time', '', time('input is too short')],
  ['time', '9:30', time('input is too short')],
  ['time', '24:00', time('hour value is outside expected range of 0-23')],
  ['time', '12:60', time('minute value is outside expected range of 0-59')],
  ['time', '12:30:60', time('second value is outside expected range of 0-59')],
  ['time', 'ab:00', time('invalid character in hour')],
  ['time', '12-30', time('invalid time separator, expected `:`')],
  ['time', '12:30:00.', time('second fraction digits missing after `.`')],
  ['time', '12:30 PM', time('invalid timezone sign')],
  ['time', '12:30+24:00', time('timezone offset must be less than 24 hours')],
  ['time', '12:30Z!', time('unexpected extra characters at the end of the input')],
  ['time', '2024-01-01T12:30', time('invalid time separator, expected `:`')],
  ['duration', '', duration('input is too short')],
  ['duration', 'P', duration('input is too short')],
  ['duration', '-P', duration('input is too short')],
  ['duration', 'P1DT', duration('input is too short')],
  ['duration', '1 day', duration('expected an ISO 8601 duration starting with `P`, like `P1DT2H`')],
  ['duration', '01:02:03', duration('expected an ISO 8601 duration starting with `P`, like `P1DT2H`')],
  ['duration', 'PD', duration('invalid digit in duration')],
  ['duration', 'P1', duration('quantity invalid in date part of duration')],
  ['duration', 'P1X', duration('quantity invalid in date part of duration')],
  ['duration', 'P1H', duration('quantity invalid in date part of duration')],
  ['duration', 'P1D2Y', duration('quantity invalid in date part of duration')],
  ['duration', 'P1DD', duration('invalid digit in duration')],
  ['duration', 'PT1D', duration('quantity invalid in time part of duration')],
  ['duration', 'PT1S1M', duration('quantity invalid in time part of duration')],
  ['duration', 'P1DT1MT1S', duration('`t` character repeated in duration')],
  ['duration', 'P1DT1.1M1S', duration('quantity fraction invalid in duration')],
  ['duration', 'PT1.S', duration('quantity fraction invalid in duration')],
  ['duration', 'p1d', duration('expected an ISO 8601 duration starting with `P`, like `P1DT2H`')],
  ['duration', 'P1000000000D', duration('a numeric value in the duration is too large')],
  ['duration', 'P999999999Y', duration('durations may not exceed 999,999,999 days')],
  ['duration', 'P999999999DT24H', duration('durations may not exceed 999,999,999 days')],
  ['duration', 'PT1.0H30M', duration('quantity fraction invalid in duration')],
  ['duration', 'P0.0DT1H', duration('quantity fraction invalid in duration')],
  ['ipv4Network', '10.0.0.1/8', { type: 'ip_v4_network' }],
  ['ipv4Network', '10.0.0.0/33', { type: 'ip_v4_network' }],
  ['ipv4Network', '10.0.0.0/', { type: 'ip_v4_network' }],
  ['ipv4Network', '10.0.0.0/8/8', { type: 'ip_v4_network' }],
  ['ipv4Network', '10.0.0.0/255.0.255.0', { type: 'ip_v4_network' }],
  ['ipv4Network', '10.0.0/8', { type: 'ip_v4_network' }],
  ['ipv4Network', '2001:db8::/32', { type: 'ip_v4_network' }],
  ['ipv6Network', '2001:db8::1/32', { type: 'ip_v6_network' }],
  ['ipv6Network', '2001:db8::/129', { type: 'ip_v6_network' }],
  ['ipv6Network', '2001:db8::/ffff::', { type: 'ip_v6_network' }],
  ['ipv6Network', 'fe80::%eth0/64', { type: 'ip_v6_network' }],
  ['ipv6Network', '10.0.0.0/8', { type: 'ip_v6_network' }],
  ['ipv4Interface', '10.0.0.5/33', { type: 'ip_v4_interface' }],
  ['ipv4Interface', '256.0.0.1/8', { type: 'ip_v4_interface' }],
  ['ipv4Interface', '10.0.0.5/-1', { type: 'ip_v4_interface' }],
  ['ipv6Interface', '2001:db8::5/200', { type: 'ip_v6_interface' }],
  ['ipv6Interface', '2001:db8::5 /64', { type: 'ip_v6_interface' }],
  ['httpUrl', 'javascript:alert(1)', { type: 'url_scheme' }],
  ['httpUrl', 'data:text/plain,hi', { type: 'url_scheme' }],
  ['httpUrl', 'ftp://ftp.example.com/a.txt', { type: 'url_scheme' }],
  ['httpUrl', 'httpx://example.com', { type: 'url_scheme' }],
  ['httpUrl', `https://example.com/${'a'.repeat(2064)}`, { type: 'url_too_long' }],
  ['httpUrl', 'example.com', url('relative URL without a base')],
  ['httpUrl', 'http://', url('empty host')],
  ['email', '', email('An email address must have an @-sign.')],
  ['email', 'plainaddress', email('An email address must have an @-sign.')],
  ['email', '@b.co', email('There must be something before the @-sign.')],
  ['email', `${'l'.repeat(65)}@b.co`, email('The email address is too long before the @-sign (1 character too many).')],
  ['email', '"a b"@b.co', email('Quoting the part before the @-sign is not allowed here.')],
  ['email', 'a b,c@b.co', email("The email address contains invalid characters before the @-sign: ',', SPACE.")],
  ['email', 'Name <a@b.co>', email("The email address contains invalid characters before the @-sign: '<', SPACE.")],
  ['email', 'a\t\\"@b.co', email('The email address contains invalid characters before the @-sign: "\\", \'"\', U+0009.')],
  ['email', '.a@b.co', email('An email address cannot start with a period.')],
  ['email', 'a.@b.co', email('An email address cannot have a period immediately before the @-sign.')],
  ['email', 'a..b@b.co', email('An email address cannot have two periods in a row.')],
  ['email', 'josé@b.co', email("Internationalized characters before the @-sign are not supported: 'é'.")],
  ['email', 'a\u00a0b@b.co', email('Internationalized characters before the @-sign are not supported: U+00A0.')],
  ['email', 'a\u{F0000}@b.co', email('Internationalized characters before the @-sign are not supported: U+000F0000.')],
  ['email', 'a@', email('There must be something after the @-sign.')],
  ['email', 'a@[192.0.2.1]', email('A bracketed IP address after the @-sign is not allowed here.')],
  ['email', 'a@b@c.co', email("The part after the @-sign contains invalid characters: '@'.")],
  ['email', 'a@b_c.io ', email("The part after the @-sign contains invalid characters: '_', SPACE.")],
  ['email', 'a@bücher.de', email("Internationalized characters after the @-sign are not supported: 'ü'.")],
  ['email', 'a@.b.co', email('An email address cannot have a period immediately after the @-sign.')],
  ['email', 'a@b.co.', email('An email address cannot end with a period.')],
  ['email', 'a@b..co', email('An email address cannot have two periods in a row.')],
  ['email', 'a@-b.co', email('An email address cannot have a hyphen immediately after the @-sign.')],
  ['email', 'a@b.co-', email('An email address cannot end with a hyphen.')],
  ['email', 'a@b-.co', email('An email address cannot have a period and a hyphen next to each other.')],
  ['email', `a@${'b.'.repeat(127)}co`, email('The email address is too long after the @-sign (3 characters too many).')],
  ['email', `a@${'b'.repeat(64)}.co`, email('After the @-sign, periods cannot be separated by so many characters (1 character too many).')],
  ['email', 'a@localhost', email('The part after the @-sign is not valid. It should have a period.')],
  ['email', 'a@192.0.2.1', email('The part after the @-sign is not valid. It is not within a valid top-level domain.')],
  ['email', `${'l'.repeat(64)}@${LABELS_189}x`, email('The email address is too long (1 character too many).')],
  ['url', '', url('relative URL without a base')],
  ['url', 'example.com', url('relative URL without a base')],
  ['url', '//example.com/x', url('relative URL without a base')],
  ['url', '1http://a.com', url('relative URL without a base')],
  ['url', 'http://', url('empty host')],
  ['url', 'https:', url('empty host')],
  ['url', 'ftp:///', url('empty host')],
  ['url', 'ws://:80', url('empty host')],
  ['url', 'wss://user@/', url('empty host')],
  ['url', 'http://a@b@/', url('empty host')],
  ['url', 'http://a.com:65536', url('invalid port number')],
  ['url', 'foo://a.com:8x/', url('invalid port number')],
  ['url', ' http://a.com', url('leading or trailing control or space character are ignored in URLs')],
  ['url', 'http://a.com\n', url('leading or trailing control or space character are ignored in URLs')],
  ['url', 'http://a.com/\tx', url('tabs or newlines are ignored in URLs')],
  ['url', 'http://a\r.com/', url('tabs or newlines are ignored in URLs')],
  ['url', 'http://exa mple.com', url('invalid URL')],
  ['url', 'http://[::g]/', url('invalid URL')],
  ['uuid', '', uuid('invalid length: expected length 32 for simple format, found 0')],
  ['uuid', 'abc', uuid('invalid length: expected length 32 for simple format, found 3')],
  ['uuid', '6d93badebd9f4e1389149474e1e3567b', uuid('invalid group count: expected 5, found 1')],
  ['uuid', '6d93bade-bd9f-4e13-8914', uuid('invalid group count: expected 5, found 4')],
  ['uuid', '6d93bade-bd9f-4e13-8914-9474-e1e3567b', uuid('invalid group count: expected 5, found 6')],
  ['uuid', '6d93bad-ebd9f-4e13-8914-9474e1e3567b', uuid('invalid group length in group 0: expected 8, found 7')],
  ['uuid', '6d93bade-bd9-4e13-8914-9474e1e3567b', uuid('invalid group length in group 1: expected 4, found 3')],
  ['uuid', '6d93bade-bd9f-4e13-8914-9474e1e3567bb', uuid('invalid group length in group 4: expected 12, found 13')],
  ['uuid', 'z', uuidChar('z', 1)],
  ['uuid', '6d93bade-bd9f-4e13-8914-9474e1e3567g', uuidChar('g', 36)],
  ['uuid', '{6d93bade-bd9f-4e13-8914-9474e1e3567b}', uuidChar('{', 1)],
  ['uuid', 'urn:uuid:6d93bade-bd9f-4e13-8914-9474e1e3567b', uuidChar('u', 1)],
  ['uuid', ' 6d93bade-bd9f-4e13-8914-9474e1e3567b', uuidChar(' ', 1)],
  ['uuid', '6d93bade-bd9f-4e13-8914-9474e1e356😀', uuidChar('😀', 35)],
  ...['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '1.2.3.04', '00.1.1.1', '1..2.3', '1.2.3.', '.1.2.3', ' 1.2.3.4', '1.2.3.4\n', '0x1.2.3.4',
    '１.2.3.4', '1.2.3.-1', '1234.1.1.1', '+1.2.3.4'].map((s): [StringFormat, string, FormatError] => ['ipv4', s, IPV4]),
  ...['', ':', ':::', '1', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8', '1::2::3', ':1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7:', '12345::', 'g::', '::ffff:1.2.3', '::ffff:01.2.3.4', '::1.2.3.4:5', '1:2:3:4:5:6:7:1.2.3.4', '::1:2:3:4:5:6:1.2.3.4',
    '1.2.3.4', 'fe80::1%eth0', '[::1]', ' ::1', '::1 ', '0000:0000:0000:0000:0000:0000:0000:00001'].map(
    (s): [StringFormat, string, FormatError] => ['ipv6', s, IPV6]),
  ['date', '', date('input is too short')],
  ['date', '2024-1-1', date('input is too short')],
  ['date', '2024-01-1', date('input is too short')],
  ['date', '2024-02-30', date('day value is outside expected range')],
  ['date', '2023-02-29', date('day value is outside expected range')],
  ['date', '1900-02-29', date('day value is outside expected range')],
  ['date', '2024-00-10', date('month value is outside expected range of 1-12')],
  ['date', '2024-13-01', date('month value is outside expected range of 1-12')],
  ['date', '2024/01/01', date('invalid date separator, expected `-`')],
  ['date', '20x4-01-01', date('invalid character in year')],
  ['date', '2024-0a-01', date('invalid character in month')],
  ['date', '2024-01-0a', date('invalid character in day')],
  ['date', ' 2024-01-01', date('invalid character in year')],
  ['date', '2024-01-01T00:00:00', date('unexpected extra characters at the end of the input')],
  ['date', '2024-01-01 ', date('unexpected extra characters at the end of the input')],
  ['date', '2024-02-30T00:00', date('day value is outside expected range')],
];

describe('valid inputs', () => {
  it.each(FORMATS.flatMap((f) => VALID[f].map((s) => [f, s] as const)))('%s %j', (format, s) => {
    expect(CHECKS[format](s)).toBe(true);
  });
});

describe('invalid inputs and their errors', () => {
  it.each(INVALID)('%s %j', (format, s, expected) => {
    expect(CHECKS[format](s)).toBe(false);
    const error = formatError(format, s);
    expect(error).toStrictEqual(expected);
    expect(Object.isFrozen(error)).toBe(true);
  });
});

const TYPES: Record<StringFormat, FormatError['type']> = {
  email: 'value_error', url: 'url_parsing', httpUrl: 'url_parsing', uuid: 'uuid_parsing', ipv4: 'ip_v4_address', ipv6: 'ip_v6_address', date: 'date_parsing',
  time: 'time_parsing', duration: 'time_delta_parsing', ipv4Network: 'ip_v4_network', ipv6Network: 'ip_v6_network', ipv4Interface: 'ip_v4_interface',
  ipv6Interface: 'ip_v6_interface',
};
const hexGroup = fc.oneof({ arbitrary: fc.stringMatching(/^[0-9a-fA-F]{1,4}$/), weight: 8 }, fc.constantFrom('', '12345', 'g'));
const octet = fc.oneof({ arbitrary: fc.nat(255).map(String), weight: 9 }, fc.constantFrom('256', '01', '00', '', 'a'));
const quad = fc.oneof(
  { arbitrary: fc.tuple(octet, octet, octet, octet).map((p) => p.join('.')), weight: 4 },
  fc.array(octet, { maxLength: 6 }).map((p) => p.join('.')),
);
/** Near-IPv6 strings: groups joined by `:`, maybe with one or two `::`, maybe ending in a dotted quad. */
const nearIPv6 = fc.tuple(fc.array(hexGroup, { maxLength: 9 }), fc.array(fc.nat(9), { maxLength: 2 }), fc.option(quad))
  .map(([groups, gaps, tail]) => {
    const parts: string[] = [...groups, ...(tail === null ? [] : [tail])];
    for (const g of gaps) parts.splice(Math.min(g, parts.length), 0, '');
    return parts.join(':');
  });
/** One of `common` usually, else one of `rare`. */
const unit = (common: string, rare: string): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: fc.constantFrom(...common), weight: 15 }, fc.constantFrom(...rare));
/** Near-email strings: a local part, an `@` (usually), and a few labels, mostly from the allowed characters. */
const nearEmail = fc.tuple(
  fc.string({ unit: unit('aZ1+.', '" @é.'), maxLength: 8 }),
  fc.constantFrom('@', '@', '@', ''),
  fc.array(fc.string({ unit: unit('aZ1-', '-_é '), maxLength: 6 }), { maxLength: 4 }),
).map(([local, at, labels]) => local + at + labels.join('.'));

describe('properties', () => {
  it('generated UUIDs, addresses, emails, URLs and dates pass', () => {
    fc.assert(fc.property(fc.uuid(), (s) => isUuid(s) && isUuid(s.toUpperCase())));
    fc.assert(fc.property(fc.ipV4(), (s) => isIPv4(s)));
    fc.assert(fc.property(fc.ipV6(), (s) => isIPv6(s)));
    const allowed = (s: string): boolean => s.length <= 254 && s.indexOf('@') <= 64 && /[a-z]$/i.test(s);
    fc.assert(fc.property(fc.emailAddress().filter(allowed), (s) => isEmail(s)));
    const full = { withQueryParameters: true, withFragments: true, authoritySettings: { withIPv6: true, withPort: true, withUserInfo: true } };
    fc.assert(fc.property(fc.oneof(fc.webUrl(), fc.webUrl(full)), (s) => isUrl(s)));
    const dates = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(fc.property(dates, (d) => isDateString(d.toISOString().slice(0, 10))));
  });

  it('IPv4 and IPv6 agree with node:net on near-miss strings (no zone ids)', () => {
    fc.assert(fc.property(fc.oneof(quad, fc.ipV4Extended()), (s) => isIPv4(s) === netIsIPv4(s)), { numRuns: 2000 });
    fc.assert(fc.property(fc.oneof(nearIPv6, fc.ipV6()), (s) => isIPv6(s) === netIsIPv6(s)), { numRuns: 5000 });
  });

  it('UUIDs and dates agree with a reference on near-miss strings', () => {
    const near = fc.string({ unit: fc.constantFrom('0', 'a', 'F', '-', '-', 'g'), minLength: 30, maxLength: 40 });
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    fc.assert(fc.property(near, (s) => isUuid(s) === UUID.test(s) && (isUuid(s) || formatError('uuid', s).error !== 'invalid UUID')));
    const pad = (n: number, width: number): string => String(n).padStart(width, '0');
    fc.assert(fc.property(fc.nat(9999), fc.nat(13), fc.nat(32), (y, m, d) => {
      const probe = new Date(Date.UTC(2000, 0, 1));
      probe.setUTCFullYear(y, m - 1, d);
      const real = m >= 1 && m <= 12 && d >= 1 && probe.getUTCDate() === d && probe.getUTCMonth() === m - 1;
      return isDateString(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`) === real;
    }));
    // The fast check and the parser behind the error reasons accept exactly the same strings.
    const digit = fc.constantFrom('0', '1', '2', '3', '9', '-', 'x');
    const shaped = fc.tuple(fc.array(digit, { minLength: 4, maxLength: 4 }), fc.constantFrom('-', '/'), fc.array(digit, { minLength: 2, maxLength: 2 }), fc.constant('-'), fc.array(digit, { minLength: 2, maxLength: 2 }));
    const ymd = fc.tuple(fc.nat(9999), fc.nat(13), fc.nat(32)).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    const nearDate = fc.oneof(ymd, shaped.map((parts) => parts.flat().join('')), fc.string({ unit: digit, minLength: 9, maxLength: 11 }));
    let valid = 0;
    fc.assert(fc.property(nearDate, (s) => {
      const parsed = s.length === 10 && dateError(s) === undefined;
      if (parsed) valid++;
      return isDateString(s) === parsed;
    }), { numRuns: 5000 });
    expect(valid).toBeGreaterThan(50);
  });

  it('never throws, and every rejection has an error of the right type with a specific reason', () => {
    const anything = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), nearEmail, nearIPv6, fc.webUrl());
    fc.assert(fc.property(anything, fc.constantFrom(...FORMATS), (s, format) => {
      if (CHECKS[format](s)) return;
      const error = formatError(format, s);
      if (format === 'httpUrl') {
        // A URL of another scheme, or a long one, is no parsing failure: no reason to give.
        expect(error).toStrictEqual(isUrl(s) ? { type: s.length > 2083 ? 'url_too_long' : 'url_scheme' } : formatError('url', s));
        return;
      }
      expect(error.type).toBe(TYPES[format]);
      if (format.startsWith('ipv')) expect(error.error).toBeUndefined();
      else expect(error.error).toMatch(/\S/);
      // The catch-all reasons are reached only for what no earlier check explains.
      if (format === 'email' && s.length <= 254) expect(error.error).not.toMatch(/too long \(/);
      if (format === 'uuid') expect(error.error).not.toBe('invalid UUID');
    }), { numRuns: 3000 });
  });
});

/** An IPv6 address (node:net checked it) as a 128-bit number. */
function ipv6Number(address: string): bigint {
  const [head = '', tail] = address.split('::');
  const groups = (part: string): bigint[] =>
    part === ''
      ? []
      : part.split(':').flatMap((g) => (g.includes('.') ? ((n) => [n >> 16n, n & 0xffffn])(BigInt(g.split('.').reduce((a, o) => a * 256 + Number(o), 0))) : [BigInt(parseInt(g, 16))]));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<bigint>(8 - left.length - right.length).fill(0n), ...right];
  return all.reduce((a, g) => (a << 16n) | g, 0n);
}

/** Python's ipaddress rules for a network or interface, from node:net and big integers (a reference, not the implementation). */
function referenceNetwork(s: string, v6: boolean, strict: boolean): boolean {
  const parts = s.split('/');
  if (parts.length > 2) return false;
  const [address = '', prefixText] = parts;
  if (!(v6 ? netIsIPv6(address) : netIsIPv4(address) && !/(^|\.)0\d/.test(address)) || address.includes('%')) return false;
  const bits = v6 ? 128 : 32;
  let prefix = bits;
  if (prefixText !== undefined) {
    if (/^\d{1,10}$/.test(prefixText)) prefix = Number(prefixText);
    else if (!v6 && netIsIPv4(prefixText) && !/(^|\.)0\d/.test(prefixText)) {
      const mask = prefixText.split('.').reduce((a, o) => a * 256 + Number(o), 0);
      // Python tries the netmask reading first: all ones is /32, all zeros /0.
      const bits = [...Array(33).keys()];
      const found = bits.find((p) => 2 ** 32 - 2 ** (32 - p) === mask) ?? bits.find((p) => 2 ** (32 - p) - 1 === mask);
      if (found === undefined) return false;
      prefix = found;
    } else return false;
  }
  if (prefix > bits) return false;
  const value = v6 ? ipv6Number(address) : BigInt(address.split('.').reduce((a, o) => a * 256 + Number(o), 0));
  return !strict || value % (1n << BigInt(bits - prefix)) === 0n;
}

describe('times, durations and networks', () => {
  it('generated values pass', () => {
    fc.assert(fc.property(timeOfDay, (s) => CHECKS.time(s)));
    fc.assert(fc.property(isoDuration, (s) => CHECKS.duration(s)));
    fc.assert(fc.property(ipv4Network, (s) => CHECKS.ipv4Network(s) && CHECKS.ipv4Interface(s)));
    fc.assert(fc.property(ipv6Network, (s) => CHECKS.ipv6Network(s) && CHECKS.ipv6Interface(s)));
    fc.assert(fc.property(ipv4Interface, (s) => CHECKS.ipv4Interface(s)));
    fc.assert(fc.property(ipv6Interface, (s) => CHECKS.ipv6Interface(s)));
  });

  it('networks and interfaces agree with a reference on near-miss strings', () => {
    const prefix = fc.oneof(fc.nat(130).map(String), fc.constantFrom('', '08', '-1', '255.0.0.0', '0.0.0.255', '255.0.255.0', 'x'));
    const near4 = fc.tuple(fc.oneof(quad, fc.ipV4()), fc.option(prefix)).map(([a, p]) => (p === null ? a : `${a}/${p}`));
    const near6 = fc.tuple(fc.oneof(nearIPv6, fc.ipV6()), fc.option(prefix)).map(([a, p]) => (p === null ? a : `${a}/${p}`));
    fc.assert(fc.property(fc.oneof(near4, ipv4Network, ipv4Interface), (s) => isIPv4Network(s) === referenceNetwork(s, false, true) && isIPv4Interface(s) === referenceNetwork(s, false, false)), { numRuns: 3000 });
    fc.assert(fc.property(fc.oneof(near6, ipv6Network, ipv6Interface), (s) => isIPv6Network(s) === referenceNetwork(s, true, true) && CHECKS.ipv6Interface(s) === referenceNetwork(s, true, false)), { numRuns: 3000 });
    expect([isIPv6Network('2001:db8::80/120'), isIPv6Network('2001:db8::8000/120'), isIPv6Network('2001:db8::1.2.3.0/120')]).toEqual([false, true, true]);
  });

  it('durationMs counts a year as 365 days and a month as 30', () => {
    expect(durationMs('PT1M30S')).toBe(90_000);
    expect(durationMs('-PT0.5S')).toBe(-500);
    expect(durationMs('P1Y2M3W4DT5H6M7S')).toBe(((365 + 60 + 21 + 4) * 86_400 + 5 * 3600 + 6 * 60 + 7) * 1000);
    expect(durationMs('PT0,25H')).toBe(900_000);
    expect(() => durationMs('1 day')).toThrow(new RangeError('not an ISO 8601 duration: expected an ISO 8601 duration starting with `P`, like `P1DT2H`'));
  });
});

describe('linear time', () => {
  const ADVERSARIAL = ['a'.repeat(1e5) + '!', '.'.repeat(1e5), `a@${'a.'.repeat(5e4)}!`, 'a@'.repeat(5e4), '-'.repeat(1e5),
    ':'.repeat(1e5), '1.'.repeat(5e4), `::${'1:'.repeat(5e4)}`, `http://${'a'.repeat(1e5)} `, ' '.repeat(1e5) + 'x',
    `http://${'@'.repeat(1e5)}`, `http://a.com:${'9'.repeat(1e5)}`, 'é'.repeat(1e5), `${'0'.repeat(8)}-${'0-'.repeat(5e4)}`,
    `2024-01-01${'0'.repeat(1e5)}`];

  // No timing assertion: a check that backtracks on these inputs never finishes, and the test's timeout fails it.
  it.each(FORMATS)('%s: check and error finish on 100,000-character adversarial strings', (format) => {
    for (const s of ADVERSARIAL) {
      expect(CHECKS[format](s)).toBe(false);
      expect(formatError(format, s).type).toMatch(/^[a-z_0-9]+$/);
    }
  });
});
