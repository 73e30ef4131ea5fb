import { describe, expect, it } from 'vitest';
import { Names } from '../names';
import { comment, Lines, lit, member, read, text, write } from './code';

/** Strings that broke hand-rolled escaping elsewhere, and some that break JavaScript. */
const HOSTILE = [
  "it's",
  'say "hi"',
  'back\\slash',
  'trailing\\',
  '\\"',
  'line\nbreak',
  'cr\rlf',
  'tab\t',
  '\u2028\u2029',
  '</script>',
  '${x}',
  '`tick`',
  '*/ evil() /*',
  '\u0000nul',
  '\ud800 lone surrogate',
  '😀',
];

describe('lit', () => {
  it.each(HOSTILE)('round-trips %j through evaluation', (text) => {
    const code = lit(text);
    expect(code).not.toMatch(/[\u2028\u2029\n\r]/);
    expect(new Function(`return ${code};`)()).toBe(text);
  });

  it.each(HOSTILE)('round-trips %j through evaluation as a single-quoted text', (value) => {
    const code = text(value);
    expect(code).not.toMatch(/[\u2028\u2029\n\r]/);
    expect(code).not.toMatch(/[\ud800-\udfff]/u);
    expect(new Function(`return ${code};`)()).toBe(value);
  });

  it('writes numbers, -0, booleans, null and nested JSON', () => {
    expect(lit(-0)).toBe('-0');
    expect(lit(1.5)).toBe('1.5');
    expect(lit(true)).toBe('true');
    expect(lit(null)).toBe('null');
    expect(lit(undefined)).toBe('undefined');
    expect(lit({ a: ['\u2028', 1] })).toBe('{"a":["\\u2028",1]}');
    expect(() => lit(Number.NaN)).toThrow('cannot emit non-finite number NaN');
  });
});

describe('property access', () => {
  it('uses dot access for identifiers and a literal otherwise', () => {
    expect(member('v', 'name')).toBe('v.name');
    expect(member('v', 'with space')).toBe('v["with space"]');
    expect(member('v', 'a"]; evil(); ["')).toBe('v["a\\"]; evil(); [\\""]');
  });

  it('reads inherited Object.prototype names as own properties only', () => {
    expect(read('v', 'constructor')).toBe('(Object.prototype.hasOwnProperty.call(v, "constructor") ? v.constructor : undefined)');
    expect(read('v', '__proto__')).toBe('(Object.prototype.hasOwnProperty.call(v, "__proto__") ? v.__proto__ : undefined)');
    expect(read('v', 'name')).toBe('v.name');
  });

  it('defines __proto__ instead of assigning it', () => {
    expect(write('o', '__proto__', 'x')).toBe(
      'Object.defineProperty(o, "__proto__", { value: x, writable: true, enumerable: true, configurable: true });',
    );
    expect(write('o', 'a b', 'x')).toBe('o["a b"] = x;');
  });

  it.each(HOSTILE)('evaluates read and write of key %j correctly', (key) => {
    const run = new Function('v', `const o = {}; ${write('o', key, read('v', key))} return o;`);
    const input = JSON.parse(JSON.stringify({ [key]: 1 }));
    expect(Object.getOwnPropertyDescriptor(run(input), key)?.value).toBe(1);
  });
});

describe('comment', () => {
  it('cannot be escaped by newlines', () => {
    expect(comment('a\nb\u2028c\r\nd')).toBe('// a b c d');
  });
});

describe('Names', () => {
  it('sanitises, avoids reserved words and repeats', () => {
    const names = new Names(['taken']);
    expect(names.fresh('User')).toBe('User');
    expect(names.fresh('User')).toBe('User_2');
    expect(names.fresh('taken')).toBe('taken_2');
    expect(names.fresh('class')).toBe('class_2');
    expect(names.fresh('9lives')).toBe('_9lives');
    expect(names.fresh('a-b')).toBe('a_b');
    const child = names.child(['v']);
    expect(child.numbered('v')).toBe('v1');
    expect(child.numbered('v')).toBe('v2');
    expect(names.numbered('v')).toBe('v1');
  });
});

describe('Lines', () => {
  it('indents blocks', () => {
    const out = new Lines();
    out.block('if (x)', () => out.line('y();'));
    expect(String(out)).toBe('if (x) {\n  y();\n}\n');
  });
});
