import { describe, expect, it } from 'vitest';
import { backtracking, type Backtracking } from './redos';

// The hints word for word: changing one changes the diagnostic users read.
const NESTED = 'remove the inner quantifier, or end each repetition with a character the inner part cannot match';
const ALTERNATIVES = 'make the alternatives disjoint so that each text can be matched only one way';
const ADJACENT = 'merge the adjacent quantifiers, or separate them with a required character neither can match';
const UNANCHORED = 'anchor the pattern with ^ so that V8 does not retry it from every offset of the input';
const LINES = 'keep the repetition from matching line terminators, or drop the m flag';

/** A flagged pattern, what the analyser says, and the text around the pump in an attack: `before`, the pump n times, `after`. */
interface Flagged {
  readonly source: string;
  readonly flags: string;
  readonly found: Backtracking;
  readonly before: string;
  readonly after: string;
}

function flagged(source: string, flags: string, found: Backtracking, before = '', after = '!'): Flagged {
  return { source, flags, found, before, after };
}

const exponential = (part: string, hint: string, pump: string): Backtracking => ({ kind: 'exponential', part, hint, pump });
const polynomial = (part: string, hint: string, pump?: string): Backtracking =>
  pump === undefined ? { kind: 'polynomial', part, hint } : { kind: 'polynomial', part, hint, pump };

// Every flagged pattern was timed by hand on its attack (a script, not this suite): each four
// more pumps multiply an exponential one's time by 4 to 16, a doubled input a polynomial one's
// by 4 (8 for the lookbehind), while the clean ones below stay linear on near-miss inputs.
const EXPONENTIAL: readonly Flagged[] = [
  flagged('(a+)+$', '', exponential('(a+)+', NESTED, 'a')),
  flagged('^(a*)*$', '', exponential('(a*)*', NESTED, 'a')),
  flagged(String.raw`^(\w+\s?)+$`, '', exponential(String.raw`(\w+\s?)+`, NESTED, 'a')),
  flagged('^(.*a)*$', '', exponential('(.*a)*', NESTED, 'a'), '', '\n'),
  flagged('(x+x+)+y', '', exponential('(x+x+)+', NESTED, 'x'), '', ''),
  flagged('^(a|a)*$', '', exponential('(a|a)*', ALTERNATIVES, 'a')),
  flagged(String.raw`^(\w|\d)+$`, '', exponential(String.raw`(\w|\d)+`, ALTERNATIVES, '0')),
  // 'ab' is a·b and ab: every 'ba' of the pump doubles the ways.
  flagged('^(a|b|ab)*$', '', exponential('(a|b|ab)*', ALTERNATIVES, 'ba')),
  // Two alternatives that both match nothing: two ways through each iteration.
  flagged('^(?:a(?:b?|c?))*$', '', exponential('(?:a(?:b?|c?))*', ALTERNATIVES, 'a')),
  flagged('^(a|A)+$', 'i', exponential('(a|A)+', ALTERNATIVES, 'a')),
  flagged('^(.|\\n)*x$', 's', exponential('(.|\\n)*', ALTERNATIVES, '\n')),
  // A bounded inner repetition splits too: 'aaaa' is one iteration of 4 or two of 2.
  flagged('^(a{1,5})+$', '', exponential('(a{1,5})+', NESTED, 'a')),
  flagged('^(?=(a+)+b)', '', exponential('(a+)+', NESTED, 'a'), '', ''),
  // Real world: the URL pattern of a widely copied "8 regular expressions you should know".
  flagged(
    String.raw`^(https?:\/\/)?([\da-z.-]+)\.([a-z.]{2,6})([\/\w .-]*)*\/?$`, '',
    exponential(String.raw`([\/\w .-]*)*`, NESTED, 'a'), 'a.aa',
  ),
  // Real world: a jQuery-plugin e-mail check; the top-level domain part splits as 2+2 or 4.
  flagged(
    String.raw`^([a-zA-Z0-9_\.\-])+\@(([a-zA-Z0-9\-])+\.)+([a-zA-Z0-9]{2,4})+$`, '',
    exponential('([a-zA-Z0-9]{2,4})+', NESTED, 'a'), 'a@a.',
  ),
  // Real world: a host name check; a '.' is optional, so labels split anywhere.
  flagged(String.raw`^([a-z0-9]+[a-z0-9-]*\.?)+$`, '', exponential(String.raw`([a-z0-9]+[a-z0-9-]*\.?)+`, NESTED, 'a')),
  // Real world: a quoted string whose escape overlaps "any other character".
  flagged(String.raw`"((?:\\["\\]|[^"])+)"`, '', exponential(String.raw`(?:\\["\\]|[^"])+`, ALTERNATIVES, '\\'), '"', ''),
];

const POLYNOMIAL: readonly Flagged[] = [
  flagged(String.raw`^\d+\d+$`, '', polynomial(String.raw`\d+\d+`, ADJACENT, '0')),
  flagged('^.*.*$', '', polynomial('.*.*', ADJACENT, 'a'), '', '\n'),
  flagged(String.raw`^\s*,?\s*$`, '', polynomial(String.raw`\s*,?\s*`, ADJACENT, ' ')),
  flagged('^a*b?a*$', '', polynomial('a*b?a*', ADJACENT, 'a')),
  flagged(String.raw`^-?\d+\.?\d*$`, '', polynomial(String.raw`\d+\.?\d*`, ADJACENT, '0')),
  flagged('^(?:-[a-z]+)*[a-z]*$', '', polynomial('(?:-[a-z]+)*[a-z]*', ADJACENT, 'a'), '-'),
  // \S takes '@' too: the first pair in the source is named.
  flagged(String.raw`^\S+@\S+\.\S+$`, '', polynomial(String.raw`\S+@\S+`, ADJACENT, '@'), '', ' '),
  flagged(String.raw`^[\w--\d]+\w+$`, 'v', polynomial(String.raw`[\w--\d]+\w+`, ADJACENT, 'a')),
  flagged(String.raw`^\p{L}+\p{Ll}+$`, 'u', polynomial(String.raw`\p{L}+\p{Ll}+`, ADJACENT, 'a')),
  // Two copies of one loop.
  flagged(String.raw`^(?:\d+){2}x$`, '', polynomial(String.raw`(?:\d+){2}`, ADJACENT, '0')),
  // A lookbehind is matched backwards from where it stands.
  flagged(String.raw`(?<=^\d+\d+)x`, '', polynomial(String.raw`\d+\d+`, ADJACENT, '0'), 'z', 'y'),
  // Unanchored: V8 retries from every offset, and each retry runs to the end of the input.
  flagged(String.raw`\s+$`, '', polynomial(String.raw`\s+`, UNANCHORED, ' ')),
  flagged('(a|ab)*$', '', polynomial('(a|ab)*', UNANCHORED, 'a')),
  flagged('<([^>]+)>', '', polynomial('[^>]+', UNANCHORED, '<'), '', ''),
  // Real world: the pattern behind Stack Overflow's outage of 20 July 2016.
  flagged(String.raw`^[\s\u200c]+|[\s\u200c]+$`, '', polynomial(String.raw`[\s\u200c]+`, UNANCHORED, ' '), 'x', 'x'),
  // Real world: the common e-mail pattern without its ^.
  flagged(String.raw`[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$`, '', polynomial('[a-z0-9._%+-]+', UNANCHORED, 'a')),
  // A string that never closes from any of its quotes: the pump has to escape the quote.
  flagged(String.raw`"(?:(?!["\\]).|\\.)*"`, '', polynomial(String.raw`(?:(?!["\\]).|\\.)*`, UNANCHORED, '"\\'), '', ''),
  // With m, ^ holds after every line terminator, and \s matches one.
  flagged(String.raw`^\s+x$`, 'm', polynomial(String.raw`\s+`, LINES, '\n')),
];

/** Patterns the analyser passes, each linear in V8; `why` says what keeps the ones that look risky safe. */
const CLEAN: readonly { source: string; flags: string; why: string }[] = [
  { source: '^[a-z]+$', flags: '', why: 'one loop' },
  { source: String.raw`^\d{3}-\d{4}$`, flags: '', why: 'bounded' },
  {
    source: String.raw`^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$`, flags: 'i',
    why: "the domain loop overlaps \\. on '.', but [a-z]{2,} cannot cross a '.', so each split fails within its label",
  },
  { source: String.raw`^(?:\d{1,3}\.){3}\d{1,3}$`, flags: '', why: 'IPv4: bounded' },
  { source: '^[A-Z][a-z]*(?: [A-Z][a-z]*)*$', flags: '', why: 'the space separates the loops' },
  {
    source: String.raw`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`,
    flags: '', why: 'semver.org: alternatives that start alike end differently, and dots separate',
  },
  { source: '^[a-z0-9]+(?:-[a-z0-9]+)*$', flags: '', why: 'slug: the dash separates' },
  { source: String.raw`^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?$`, flags: '', why: 'ISO 8601 date-time' },
  { source: '^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$', flags: 'i', why: 'UUID: bounded' },
  { source: String.raw`^https?:\/\/(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s]*)?$`, flags: 'i', why: 'URL: dots and the slash separate' },
  {
    source: String.raw`^[a-zA-Z0-9.!#$%&'*+\/=?^_` + '`' + String.raw`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$`,
    flags: '', why: "WHATWG e-mail: each label's last character is fixed",
  },
  { source: '^#(?:[0-9a-f]{3}){1,2}$', flags: 'i', why: 'hex colour: bounded' },
  { source: String.raw`^\+?[1-9]\d{1,14}$`, flags: '', why: 'E.164 phone: one loop' },
  { source: String.raw`^(\d+\.)+\d+$`, flags: '', why: 'the dot ends each iteration' },
  { source: '^(?:[a-z]+ )*[a-z]+$', flags: '', why: 'the space ends each iteration' },
  { source: String.raw`^(?=.*[A-Z])(?=.*\d).{8,}$`, flags: '', why: 'password rules: anchored lookaheads run once' },
  { source: '^(a|ab)*$', flags: '', why: "{a, ab} splits one way: a wrong 'a' fails at once on the 'b'" },
  { source: '(a+)+', flags: '', why: 'nothing after it can fail: the first try matches' },
  { source: String.raw`\d+\d+`, flags: '', why: 'two digits anywhere match at once' },
  { source: '^a{1,20}a{1,20}$', flags: '', why: 'bounded loops: a constant factor' },
  { source: '^(a|A)+$', flags: '', why: 'distinct without i' },
  { source: '^(.|\\n)*x$', flags: '', why: '. does not match \\n without s' },
  { source: '^(.|\\n)*$', flags: 's', why: 'every text matches: the loop reads any character, then $ holds' },
  { source: '^(?:(?!a)\\w|a)+$', flags: '', why: 'the lookahead takes a out of \\w' },
  { source: '^[a-z]+$', flags: 'm', why: "letters are no line terminators: ^ holds at offset 0 only" },
  { source: String.raw`^\s*$`, flags: 'm', why: '$ with m holds before the line terminator \\s* stops at' },
  { source: String.raw`\s+$`, flags: 'y', why: 'sticky: tried at lastIndex only' },
  { source: String.raw`^[\w--\d]+\d+$`, flags: 'v', why: 'set subtraction makes the loops disjoint' },
  { source: String.raw`^[\p{L}--[a-z]]+[a-z]+$`, flags: 'v', why: 'nested class subtraction' },
  { source: String.raw`^\p{Lu}\p{Ll}+$`, flags: 'u', why: 'one loop' },
  { source: '^(a{61})+$', flags: '', why: 'an exact count splits one way' },
];

describe('backtracking: exponential', () => {
  it.each(EXPONENTIAL)('/$source/$flags', ({ source, flags, found }) => {
    expect(backtracking(source, flags)).toEqual(found);
  });
});

describe('backtracking: polynomial', () => {
  it.each(POLYNOMIAL)('/$source/$flags', ({ source, flags, found }) => {
    expect(backtracking(source, flags)).toEqual(found);
  });

  it('names no pump inside a lookaround reached from every offset: what leads back to it is not known', () => {
    expect(backtracking(String.raw`(?=.*\d)`, '')).toEqual(polynomial('.*', UNANCHORED));
  });
});

describe('backtracking: clean', () => {
  it.each(CLEAN)('/$source/$flags: $why', ({ source, flags }) => {
    expect(backtracking(source, flags)).toBeUndefined();
  });
});

describe('the attack', () => {
  // The part matches the pump repeated (less a pump's length where the pump also enters the
  // pattern from an offset V8 retries), and no match of the pattern starts within the attack's
  // pumped text, so V8 tries every split there before giving up (an unanchored pattern may still
  // match at the very end, as (a|ab)*$ does). How long that takes is timed by hand, not here.
  it.each([...EXPONENTIAL, ...POLYNOMIAL])('/$source/$flags', ({ source, flags, found, before, after }) => {
    const pump = found.pump!;
    const runs = [...pump.repeat(8).matchAll(new RegExp(`(?:${found.part})`, `${flags}g`))].map((m) => m[0].length);
    const retried = found.hint === UNANCHORED || found.hint === LINES;
    expect(Math.max(...runs)).toBeGreaterThanOrEqual(pump.length * (retried ? 7 : 8));
    const match = new RegExp(source, flags).exec(before + pump.repeat(8) + after);
    expect(match?.index ?? Infinity).toBeGreaterThanOrEqual(before.length + pump.length * 8);
  });
});

describe('reading patterns', () => {
  it('returns undefined for patterns it cannot read, and never throws', () => {
    for (const [source, flags] of [['(', ''], ['[', ''], ['a{2,1}', ''], ['a', 'x'], ['\\q{ab}', 'v'], ['[\\q{ab}]+$', 'v'], [String.raw`^\p{RGI_Emoji}+$`, 'v']]) {
      expect(backtracking(source!, flags!)).toBeUndefined();
    }
  });

  it('reads a single-character \\q{} in a v class', () => {
    expect(backtracking(String.raw`^[\q{a|b}]+[ab]+$`, 'v')).toEqual(polynomial(String.raw`[\q{a|b}]+[ab]+`, ADJACENT, 'a'));
  });

  it.each([
    // Annex B, without u: `[+--]` is the range + to -, which holds ','.
    [String.raw`^[+--]+,+$`, '', polynomial('[+--]+,+', ADJACENT, ',')],
    // `[\d-z]` is a class escape, a dash and z.
    [String.raw`^[\d-z]+z+$`, '', polynomial(String.raw`[\d-z]+z+`, ADJACENT, 'z')],
    // `a{,5}` is the text a{,5}, not a repetition.
    ['^(a{,5})+$', '', undefined],
    // `\u{61}` is a with u, and without u is u repeated 61 times.
    [String.raw`^(\u{61}|a)+$`, 'u', exponential(String.raw`(\u{61}|a)+`, ALTERNATIVES, 'a')],
    [String.raw`^(\u{61}|a)+$`, '', undefined],
    // Surrogate pairs are one character with u, two without.
    [String.raw`^(?:\uD83D\uDE00)+\uD83D\uDE00+$`, 'u', polynomial(String.raw`(?:\uD83D\uDE00)+\uD83D\uDE00+`, ADJACENT, '😀')],
    [String.raw`^[\uD83D\uDE00]+\uD83D$`, '', undefined],
    // Octal escapes and forward backreferences.
    [String.raw`^(\101|a)+$`, 'i', exponential(String.raw`(\101|a)+`, ALTERNATIVES, 'a')],
    [String.raw`^(?:\1a|a)+(a)$`, '', exponential(String.raw`(?:\1a|a)+`, ALTERNATIVES, 'a')],
  ])('/%s/%s', (source, flags, found) => {
    expect(backtracking(source, flags)).toEqual(found);
  });

  it('reads every pattern V8 accepts that is made of up to three of these pieces', () => {
    // Each goes before (a+)+$, which is exponential whatever precedes it: undefined would mean
    // the pattern was not read.
    const pieces = [
      'a', '.', '\\d', '\\W', '\\b', '\\1', '\\k<n>', '\\0', '\\x41', '\\cJ', '\\u{61}', '[a-z]', '[^\\]-]', '[',
      ']', '(', '(?:', '(?=', '(?<!', '(?<n>', ')', '|', '*', '+?', '{2,}', '{1,3}', '{', '}', '^', '$', '-',
    ];
    const texts = pieces.flatMap((a) => ['', ...pieces].flatMap((b) => ['', ...pieces].map((c) => a + b + c)));
    let read = 0;
    for (const flags of ['', 'u', 'v', 'i']) {
      for (const text of texts) {
        const source = `(?:${text})(a+)+$`;
        if (!valid(source, flags)) continue;
        expect([source, flags, backtracking(source, flags)]).toEqual([source, flags, exponential('(a+)+', NESTED, 'a')]);
        read++;
      }
    }
    expect(read).toBeGreaterThan(10_000);
  });
});

function valid(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}
