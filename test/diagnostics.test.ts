/** Bad model code fails the compile step with located, hinted diagnostics. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Generator } from '../codegen/generate';
import { formatDiagnostic } from '../codegen/diagnostics';
import { diagnosticsOf, prepareFixture } from './helpers/compile';

describe('diagnostics', () => {
  it('reports every unsupported construct with file:line:col, model, property and hint', () => {
    const dir = prepareFixture('bad', 'standard');
    const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
    expect(result.code).toBe('');
    expect(result.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "models.ts:9:14 - error: Bad.callback: '() => void' is a function type, which input data cannot hold
        hint: make it a method of the class, or remove it",
        "models.ts:10:9 - error: Bad.key: 'symbol' is a symbol, which input data cannot hold
        hint: use a string literal union instead",
        "models.ts:11:11 - error: Bad.plain: 'Plain' is a class but not a model
        hint: decorate Plain with @model() and make it extend Model",
        "models.ts:13:28 - error: Bad.count: minLength applies to strings, but the type is 'number'
        hint: strings take minLength, maxLength, pattern, format; numbers gt, ge, lt, le, multipleOf, int; arrays minItems, maxItems; Dates and DateStrings gt, ge, lt, le (as ISO dates), past, future; Uint8Arrays minLength, maxLength (in bytes)",
        "models.ts:14:12 - error: Bad.typo: unknown option 'minLenght'
        hint: the options are: minLength, maxLength, pattern, gt, ge, lt, le, multipleOf, int, minItems, maxItems, past, future, format, description, strict, coerceNumbersToStr, alias, validationAlias, serializationAlias, fallback, messages",
        "models.ts:15:21 - error: Bad.broken: pattern is not a valid regular expression: /[/: Unterminated character class
        hint: fix the pattern",
        "models.ts:16:16 - error: Bad.huge: option 'ge' must be a finite number, or an ISO 8601 date such as '2020-01-01' written as a literal: the compile step reads it from source
        hint: use a literal, or a const whose type is a literal",
        "models.ts:18:3 - error: Bad.#secret: #private fields cannot be set by parse, which does not run constructors
        hint: use a regular field, or compute the value in a method",
        "models.ts:23:7 - error: Hidden is not exported, so the generated module cannot import it
        hint: write export class Hidden",
        "models.ts:28:14 - error: NotAModel is decorated with @model() but does not extend Model
        hint: write class NotAModel extends Model (import { Model } from 'tydantic')",
        "models.ts:32:14 - error: Undecorated extends Model but has no @model() decorator, so no validator is generated for it
        hint: add @model() above the class (or make it abstract if it is only a base class)",
        "more.ts:5:16 - error: Nested: a model must be a top-level class declaration, so the generated module can import it
        hint: move the class to the top level of its module and export it",
        "more.ts:10:21 - error: a class expression: a model must be a top-level class declaration, so the generated module can import it
        hint: move the class to the top level of its module and export it",
        "more.ts:13:7 - error: Hidden2 is not exported, so the generated module cannot import it
        hint: write export class Hidden2",
        "more.ts:26:3 - error: Merged.extraProp is declared by an interface merged with the class, so parse would never set it
        hint: declare it as a field in the class body",
        "more.ts:29:1 - error: Merged: index signatures are not fields, so their keys would not be validated
        hint: declare each field",
        "more.ts:31:3 - error: Merged.name: accessor fields keep their value in private storage, which parse cannot set
        hint: drop the accessor keyword",
        "more.ts:34:3 - error: Merged.label: @field applies to instance fields only
        hint: remove the decorator, or make it a field",
        "more.ts:37:3 - error: Merged.child: a default for a field holding model instances or Dates would be plain data, not an instance
        hint: make the field optional, or nullable with a null default",
        "more.ts:38:9 - error: Merged.big: the literal type 'Infinity' is not a finite number
        hint: JSON cannot carry it: use a finite literal",
        "more.ts:39:10 - error: Merged.typo: the type 'Strin' does not resolve
        hint: fix the type: tsc reports why",
        "more.ts:48:28 - error: Mixed extends 'Timestamped(Model)', whose fields the compile step cannot see
        hint: extend a model class or an abstract class declared with class syntax",
        "more.ts:60:11 - error: Unsupported.never: 'never' accepts nothing
        hint: give the field a concrete type",
        "more.ts:61:10 - error: Unsupported.both: 'Leaf & { b: number; }' is an intersection, which is not supported yet
        hint: declare a @model() class with the combined fields",
        "more.ts:62:21 - error: Unsupported.flagged: flag 'g' makes RegExp.test stateful
        hint: drop the 'g' and 'y' flags",
        "more.ts:63:28 - error: Unsupported.conflict: two 'maxLength' constraints conflict: 5 and 3
        hint: keep one (the @field() option or the type tag)",
        "more.ts:64:31 - error: Unsupported.mails: format applies to strings, but the type is 'string[]'
        hint: strings take minLength, maxLength, pattern, format; numbers gt, ge, lt, le, multipleOf, int; arrays minItems, maxItems; Dates and DateStrings gt, ge, lt, le (as ISO dates), past, future; Uint8Arrays minLength, maxLength (in bytes)",
        "more.ts:65:15 - error: Unsupported.param: parameter properties are not fields
        hint: declare the field in the class body",
        "more.ts:70:1 - error: Uncalled: @model must be called
        hint: write @model()",
        "more.ts:76:21 - error: BadDefaults.count: the default 1 does not fit the field's type: it is less than 3
        hint: parse copies defaults without validating them: change the default or the type",
        "more.ts:77:3 - error: BadDefaults.tags: the default ["ok","x"] does not fit the field's type: at 1: it is shorter than minLength 2
        hint: parse copies defaults without validating them: change the default or the type",
        "more.ts:78:3 - error: BadDefaults.mode: the default "c" does not fit the field's type: it is not 'a' or 'b'
        hint: parse copies defaults without validating them: change the default or the type",
        "more.ts:79:3 - error: BadDefaults.pair: the default [1,2] does not fit the field's type: at 1: it is not a string
        hint: parse copies defaults without validating them: change the default or the type",
        "more.ts:80:3 - error: BadDefaults.email: the default "nobody" does not fit the field's type: it is not a valid email
        hint: parse copies defaults without validating them: change the default or the type",
        "more.ts:89:19 - error: BadValidators: the validator names 'b', which is not a field
        hint: the fields are: a",
        "more.ts:95:3 - error: BadValidators.notStatic: a validator must be a static method
        hint: write static notStatic(value, info)",
        "more.ts:100:21 - error: BadValidators: the only validator option is mode
        hint: write { mode: 'before' }, 'after', 'plain' or 'wrap'",
        "more.ts:106:16 - error: BadValidators.eventually: a validator must be synchronous, but it is async
        hint: parse runs validators synchronously: do the asynchronous work (a database lookup …) before parse or after it",
        "more.ts:111:10 - error: BadValidators.later: a validator must be synchronous, but it returns 'PromiseLike<unknown> | undefined'
        hint: parse runs validators synchronously: do the asynchronous work (a database lookup …) before parse or after it",
        "more.ts:120:3 - error: SameKey.b: its input key 'b' is also the input key of a
        hint: give one of them another alias",
        "more.ts:133:11 - error: Tags.wrong: minLength applies to strings, but the type is 'number & MinLength<3>'
        hint: strings take minLength, maxLength, pattern, format; numbers gt, ge, lt, le, multipleOf, int; arrays minItems, maxItems; Dates and DateStrings gt, ge, lt, le (as ISO dates), past, future; Uint8Arrays minLength, maxLength (in bytes)",
        "more.ts:134:14 - error: Tags.conflict: two 'format' tags conflict
        hint: keep one",
        "more.ts:135:13 - error: Tags.withSym: 'WithSym' has a symbol-keyed property
        hint: use string keys",
        "more.ts:136:13 - error: Tags.byIndex: 'ByIndex' has a number index signature, which is not supported yet
        hint: use Record<string, T> (JSON keys are strings)",
        "more.ts:142:13 - error: Builtins.pending: 'Promise<string>' is not supported yet
        hint: use string, number, boolean, Date, an array or a model",
        "more.ts:143:11 - error: Builtins.bytes: 'Uint16Array<ArrayBufferLike>' is not supported yet
        hint: bytes are a Uint8Array (base64 in JSON)",
      ]
    `);
  });

  it('refuses alias choices that name no key, an empty key, a key twice, or a key another field reads', () => {
    const lines = [
      "import { Model, field, model } from 'tydantic';",
      '@model()',
      'export class A extends Model {',
      '  @field({ validationAlias: [] }) a!: string;',
      "  @field({ validationAlias: ['x', ''] }) b!: string;",
      "  @field({ validationAlias: ['y', 'z', 'y'] }) c!: string;",
      "  @field({ validationAlias: ['w', 'e'] }) d!: string;",
      '  e!: string;',
      '}',
    ];
    expect(diagnosticsOf('alias-choices-bad', lines)).toEqual([
      "models.ts:4:29 - error: A.a: option 'validationAlias' must name at least one key\n  hint: write validationAlias: 'key', or validationAlias: ['key', 'other_key'] for keys tried in turn",
      "models.ts:5:35 - error: A.b: option 'validationAlias' must be a non-empty string literal or an array of them\n  hint: write validationAlias: 'key', or validationAlias: ['key', 'other_key'] for keys tried in turn",
      "models.ts:6:40 - error: A.c: option 'validationAlias' names the key 'y' twice\n  hint: name each key once",
      "models.ts:8:3 - error: A.e: its input key 'e' is also the input key of d\n  hint: give one of them another alias",
    ]);
  });

  it('refuses a project without strictNullChecks', () => {
    const dir = prepareFixture('basic', 'standard', { strict: false });
    const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'tsconfig.json:1:1 - error: strictNullChecks is off, so `T | null` and `T | undefined` read as plain T\n' +
        '  hint: set "strict": true (or "strictNullChecks": true) in compilerOptions',
    ]);
  });
});
