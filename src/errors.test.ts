import { describe, expect, it } from 'vitest';
import { elide, formatIssues, type Issue, preview, ValidationError } from './errors';
import { messageTemplates, renderMessage } from './messages';

describe('renderMessage', () => {
  it('fills the context and pluralises like pydantic', () => {
    expect(renderMessage(messageTemplates.string_too_short, { min_length: 1 })).toBe(
      'String should have at least 1 character',
    );
    expect(renderMessage(messageTemplates.string_too_long, { max_length: 3 })).toBe(
      'String should have at most 3 characters',
    );
    expect(
      renderMessage(messageTemplates.too_short, { field_type: 'List', min_length: 2, actual_length: 0 }),
    ).toBe('List should have at least 2 items after validation, not 0');
    expect(renderMessage(messageTemplates.missing, undefined)).toBe('Field required');
  });
});

describe('preview', () => {
  it('renders inputs on one line, Python-like, truncated in the middle', () => {
    expect(preview('')).toBe("''");
    expect(preview("it's \"x\"\n")).toBe("'it\\'s \"x\"\\n'");
    expect(preview(-0)).toBe('-0');
    expect(preview(10n)).toBe('10n');
    expect(preview(undefined)).toBe('undefined');
    expect(preview(null)).toBe('null');
    expect(preview(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(preview(new Date(Number.NaN))).toBe('Invalid Date');
    expect(preview({ a: [1, { b: 'c' }] })).toBe("{'a': [1, {'b': 'c'}]}");
    expect(preview({ a: { b: { c: { d: 1 } } } })).toBe("{'a': {'b': {'c': {...}}}}");
    expect(preview(function named() {})).toBe('[Function named]');
    expect(preview('x'.repeat(100))).toBe(`'${'x'.repeat(23)}...${'x'.repeat(22)}'`);
    expect(preview('x'.repeat(100)).length).toBe(50);
  });
});

describe('ValidationError', () => {
  it('summarises issues, with root issues shown without a path', () => {
    const error = new ValidationError('User', [
      { type: 'model_type', loc: [], msg: 'Input should be a valid dictionary or instance of User', input: 1, ctx: { class_name: 'User' } },
    ]);
    expect(error.message).toBe(
      '1 validation error for User\n  Input should be a valid dictionary or instance of User [type=model_type, input=1]',
    );
    expect(error.name).toBe('ValidationError');
    expect(error).toBeInstanceOf(Error);
    expect(formatIssues('X', [])).toBe('0 validation errors for X');
  });
});

/** Whether `text` holds half of a surrogate pair: with the `u` flag only an unpaired one matches. */
const loneSurrogate = (text: string): boolean => /[\uD800-\uDFFF]/u.test(text);

const thrower = (): never => {
  throw new Error('boom');
};

/** Inputs that break naive rendering: every one must render, or show as the placeholder. */
function hostileInputs(): Record<string, unknown> {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const revokedFunction = Proxy.revocable(() => 1, {});
  revokedFunction.revoke();
  const cyclic: Record<string, unknown> = { name: 'c' };
  cyclic['self'] = cyclic;
  let deep: unknown = 'bottom';
  for (let i = 0; i < 10_000; i++) deep = { next: deep };
  return {
    bigint: 10n ** 400n,
    symbol: Symbol('s'.repeat(1000)),
    getter: { get secret(): unknown { return thrower(); } },
    ownKeysTrap: new Proxy({}, { ownKeys: thrower }),
    getTrap: new Proxy({ a: 1 }, { get: thrower }),
    prototypeTrap: new Proxy({}, { getPrototypeOf: thrower }),
    arrayTrap: new Proxy([1, 2], { get: thrower }),
    itemGetter: Object.defineProperty([1, 2], 0, { get: thrower }),
    toStringThrows: { toString: thrower, [Symbol.toPrimitive]: thrower },
    revoked: revoked.proxy,
    revokedFunction: revokedFunction.proxy,
    namelessFunction: Object.defineProperty(() => 1, 'name', { get: thrower }),
    hugeString: 'x'.repeat(10_000_000),
    hugeKey: { ['k'.repeat(10_000_000)]: 1 },
    deep,
    cyclic,
  };
}

describe('elide', () => {
  it('cuts the middle out, both cuts between code points', () => {
    expect(elide('x'.repeat(50), 50)).toBe('x'.repeat(50));
    expect(elide('x'.repeat(51), 50)).toBe(`${'x'.repeat(24)}...${'x'.repeat(23)}`);
    // The first cut would fall inside the first pair and the second inside the last-but-eleven: both move.
    const text = `${'a'.repeat(23)}${'😀'.repeat(40)}`;
    const cut = elide(text, 50);
    expect(cut).toBe(`${'a'.repeat(23)}...${'😀'.repeat(11)}`);
    expect(loneSurrogate(cut)).toBe(false);
    for (let pad = 0; pad < 4; pad++) {
      for (const max of [10, 50, 51, 100]) {
        const elided = elide(`${'a'.repeat(pad)}${'😀'.repeat(200)}`, max);
        expect(elided.length).toBeLessThanOrEqual(max);
        expect(loneSurrogate(elided)).toBe(false);
      }
    }
  });
});

describe('preview of hostile inputs', () => {
  it('never splits a surrogate pair', () => {
    for (let pad = 0; pad < 4; pad++) {
      const shown = preview(`${'a'.repeat(pad)}${'😀'.repeat(100)}`);
      expect(loneSurrogate(shown)).toBe(false);
      expect(shown.length).toBeLessThanOrEqual(50);
      expect(loneSurrogate(preview([`${'a'.repeat(pad)}${'😀'.repeat(100)}`]))).toBe(false);
    }
  });

  it('shows what cannot be read as <unrepresentable>, item by item', () => {
    const inputs = hostileInputs();
    expect(preview(inputs['getter'])).toBe("{'secret': <unrepresentable>}");
    expect(preview(inputs['ownKeysTrap'])).toBe('<unrepresentable>');
    expect(preview(inputs['getTrap'])).toBe("{'a': <unrepresentable>}");
    expect(preview(inputs['prototypeTrap'])).toBe('<unrepresentable>');
    expect(preview(inputs['arrayTrap'])).toBe('<unrepresentable>');
    expect(preview(inputs['itemGetter'])).toBe('[<unrepresentable>, 2]');
    expect(preview(inputs['revoked'])).toBe('<unrepresentable>');
    expect(preview(inputs['revokedFunction'])).toBe('<unrepresentable>');
    expect(preview(inputs['namelessFunction'])).toBe('<unrepresentable>');
    expect(preview(inputs['toStringThrows'])).toBe("{'toString': [Function thrower]}");
    expect(preview(inputs['bigint'])).toMatch(/^10{23}\.\.\.0{22}n$/);
    expect(preview(inputs['cyclic'])).toBe("{'name': 'c', 'self': {'...: 'c', 'self': {...}}}}");
    const holey: number[] = [];
    holey[0] = 1;
    holey[2] = 3;
    expect(preview(holey)).toBe('[1, , 3]');
  });

  it('shows a typed array as an array, without listing a key per byte', () => {
    expect(preview(new Uint8Array(20))).toBe('[0, 0, 0, 0, 0, 0, 0, 0, ...]');
  });
});

describe('ValidationError message, hardened', () => {
  it('never throws and stays bounded whatever the inputs hold', () => {
    const inputs = hostileInputs();
    const issues = Object.entries(inputs).map(([key, input]): Issue => ({ type: 'string_type', loc: [key], msg: 'Input should be a valid string', input }));
    const error = new ValidationError('M', issues);
    const message = error.message;
    const lines = message.split('\n');
    expect(lines[0]).toBe(`${issues.length} validation errors for M`);
    expect(lines).toHaveLength(1 + 2 * issues.length);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
    expect(message).toContain("getter\n  Input should be a valid string [type=string_type, input={'secret': <unrepresentable>}]");
    expect(message).toContain('revoked\n  Input should be a valid string [type=string_type, input=<unrepresentable>]');
  });

  it('cuts each part of the location to 100 characters, between code points', () => {
    const key = `a${'😀'.repeat(5_000_000)}`;
    const error = new ValidationError('M', [{ type: 'int_type', loc: ['items', 0, key], msg: 'Input should be a valid integer', input: 'x' }]);
    const loc = error.message.split('\n')[1]!;
    expect(loc).toBe(`items.0.a${'😀'.repeat(24)}...${'😀'.repeat(24)}`);
    expect(loneSurrogate(loc)).toBe(false);
  });

  it('renders an issue without an input key, or of type missing, without input', () => {
    const error = new ValidationError('Settings', [
      { type: 'string_type', loc: ['name'], msg: 'Input should be a valid string' },
      { type: 'missing', loc: ['token'], msg: 'Field required', input: { SECRET: 'hunter2' } },
      { type: 'string_type', loc: ['other'], msg: 'Input should be a valid string', input: undefined },
    ]);
    expect(error.message).toBe(
      [
        '3 validation errors for Settings',
        'name',
        '  Input should be a valid string [type=string_type]',
        'token',
        '  Field required [type=missing]',
        'other',
        '  Input should be a valid string [type=string_type, input=undefined]',
      ].join('\n'),
    );
    expect(error.message).not.toContain('hunter2');
  });
});

describe('renderMessage, hardened', () => {
  it('cuts each value to 100 characters, the middle elided between code points', () => {
    const msg = renderMessage(messageTemplates.value_error, { error: 'e'.repeat(10_000_000) });
    expect(msg).toBe(`Value error, ${'e'.repeat(49)}...${'e'.repeat(48)}`);
    expect(renderMessage(messageTemplates.value_error, { error: 'e'.repeat(100) })).toBe(`Value error, ${'e'.repeat(100)}`);
    for (let pad = 0; pad < 4; pad++) {
      const rendered = renderMessage('{error}', { error: `${'a'.repeat(pad)}${'😀'.repeat(200)}` });
      expect(rendered.length).toBeLessThanOrEqual(100);
      expect(loneSurrogate(rendered)).toBe(false);
    }
  });

  it('shows a value that cannot be turned into a string as <unrepresentable>', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(renderMessage('Value error, {error}', { error: { toString: thrower, [Symbol.toPrimitive]: thrower } })).toBe(
      'Value error, <unrepresentable>',
    );
    expect(renderMessage('Value error, {error}', { error: revoked.proxy })).toBe('Value error, <unrepresentable>');
    expect(renderMessage('Value error, {error}', { error: Symbol('s') })).toBe('Value error, Symbol(s)');
    expect(renderMessage('Got {error}', new Proxy({}, { has: thrower }))).toBe('Got <unrepresentable>');
    expect(renderMessage('Got {other}', { error: 'x' })).toBe('Got {other}');
  });
});

describe('ValidationError.toJSON', () => {
  it('writes name, title, message and JSON-safe issues', () => {
    const map = new Map<unknown, unknown>([['a', 1], [2, 'two'], [{ k: 1 }, 3n]]);
    const error = new ValidationError('M', [
      {
        type: 'string_type',
        loc: ['a', 0],
        msg: 'Input should be a valid string',
        input: {
          big: 10n,
          date: new Date(0),
          invalid: new Date(Number.NaN),
          gone: undefined,
          list: [undefined, Number.NaN, -0, () => 1],
          map,
          set: new Set([1, 'x']),
          named: function named() {},
          symbol: Symbol('s'),
          ['__proto__']: 'kept',
          url: new URL('https://example.com/x'),
          bytes: new Uint8Array(300),
        },
      },
      { type: 'missing', loc: ['b'], msg: 'Field required', input: { SECRET: 'hunter2' } },
      { type: 'string_too_short', loc: ['c'], msg: 'String should have at least 2 characters', ctx: { min_length: 2 } },
    ]);
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['name', 'title', 'message', 'issues']);
    expect(json['name']).toBe('ValidationError');
    expect(json['title']).toBe('M');
    expect(json['message']).toBe(error.message);
    const [first, missing, hidden] = json['issues'] as Record<string, unknown>[];
    // An object input is written as its preview, as error.message shows it: bounded, and safe to read.
    expect(first!['input']).toBe(preview((error.issues[0] as { input: unknown }).input));
    expect(first!['loc']).toEqual(['a', 0]);
    expect(first!['msg']).toBe('Input should be a valid string');
    expect(missing).toEqual({ type: 'missing', loc: ['b'], msg: 'Field required' });
    expect(hidden).toEqual({ type: 'string_too_short', loc: ['c'], msg: 'String should have at least 2 characters', ctx: { min_length: 2 } });
  });

  it('keeps JSON values, writes bigints as digits, everything else as its preview, and cuts long strings', () => {
    const inputs = hostileInputs();
    const copy = (input: unknown, ctx?: object): { input?: unknown; ctx?: unknown } => {
      const error = new ValidationError('M', [{ type: 'string_type', loc: [], msg: 'm', input, ...(ctx === undefined ? {} : { ctx }) } as unknown as Issue]);
      return (JSON.parse(JSON.stringify(error)) as { issues: { input?: unknown; ctx?: unknown }[] }).issues[0]!;
    };
    expect(copy('text').input).toBe('text');
    expect(copy(1.5).input).toBe(1.5);
    expect(copy(Number.NaN).input).toBe('NaN');
    expect(copy(false).input).toBe(false);
    expect(copy(null).input).toBe(null);
    expect(copy(undefined)).not.toHaveProperty('input');
    expect(copy(10n ** 30n).input).toBe(String(10n ** 30n));
    expect(copy(new Date(0)).input).toBe('1970-01-01T00:00:00.000Z');
    expect(copy([1, 'a']).input).toBe("[1, 'a']");
    for (const key of ['getter', 'ownKeysTrap', 'getTrap', 'prototypeTrap', 'revoked', 'revokedFunction', 'namelessFunction', 'toStringThrows', 'itemGetter', 'cyclic', 'deep']) {
      expect(copy(inputs[key]).input).toBe(preview(inputs[key]));
    }
    const long = copy(`a${'😀'.repeat(10_000)}`).input as string;
    expect(long.length).toBeLessThanOrEqual(10_000);
    expect(loneSurrogate(long)).toBe(false);
    expect((copy(inputs['hugeString']).input as string).length).toBe(10_000);
    expect((copy('x', { error: 'e'.repeat(100_000) }).ctx as { error: string }).error).toHaveLength(10_000);
    expect(copy('x', { n: 10n }).ctx).toEqual({ n: '10' });
  });

  it('JSON.stringify never throws and stays bounded, even for a DAG of 100^10 paths', () => {
    let dag: unknown = 'leaf';
    for (let i = 0; i < 10; i++) dag = Array.from({ length: 100 }, () => dag);
    const inputs = { ...hostileInputs(), dag };
    const issues = Object.entries(inputs).map(([key, input]): Issue => ({ type: 'string_type', loc: [key, 'k'.repeat(1_000_000)], msg: 'm', input }));
    const text = JSON.stringify(new ValidationError('M', issues));
    expect(text.length).toBeLessThan(issues.length * 1_000_000);
    const back = JSON.parse(text) as { issues: { loc: string[] }[] };
    expect(back.issues).toHaveLength(issues.length);
    expect(back.issues[0]!.loc[1]).toHaveLength(10_000);
  });
});
