/**
 * Bytes, times of day, durations and IP networks (issue 18, item 3), end to end: `Uint8Array` fields take
 * instances and base64 text (pydantic's bytes with `val_json_bytes='base64'`) and write base64 to JSON;
 * `TimeString`, `Duration` and the network and interface brands are string formats with pydantic's error
 * types. The format checks themselves are tested in src/formats/strings.test.ts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, diagnosticsOf } from './helpers/compile';
import { modes } from './helpers/fixture';

describe.each(modes)('bytes, times, durations and networks (%s decorators)', (mode) => {
  let x: Record<string, any>;
  let code: string;
  beforeAll(async () => {
    const compiled = await compileFixture('formats', mode);
    x = compiled.exports;
    code = compiled.result.code;
  });
  const issues = (model: string, input: object): unknown[] => x[model].safeParse(input).error?.issues ?? [];

  describe('Uint8Array', () => {
    it('copies instances, a Buffer into a plain Uint8Array', () => {
      const data = new Uint8Array([1, 2, 3]);
      const upload = x.Upload.parse({ name: 'a', data, thumbnail: Buffer.from('hi'), chunks: [data] });
      expect(upload.data).toStrictEqual(new Uint8Array([1, 2, 3]));
      expect(upload.data).not.toBe(data);
      expect(Object.getPrototypeOf(upload.thumbnail)).toBe(Uint8Array.prototype);
      expect([...upload.thumbnail]).toEqual([104, 105]);
      expect(upload.chunks[0]).not.toBe(data);
      expect(x.Upload.is(upload)).toBe(true);
      expect(x.Upload.is({ ...upload.dump(), data: 'AQID' })).toBe(false);
    });

    it('reads base64 text in either alphabet, padded or not', () => {
      const upload = x.Upload.parse({ name: 'a', data: 'aGVsbG8=', thumbnail: '-_8', chunks: ['aGk', '+/8=', ''] });
      expect(new TextDecoder().decode(upload.data)).toBe('hello');
      expect([...upload.thumbnail]).toEqual([251, 255]);
      expect(upload.chunks.map((c: Uint8Array) => [...c])).toEqual([[104, 105], [251, 255], []]);
    });

    it('reports bytes_type and bytes_invalid_encoding with the base64 error', () => {
      expect(issues('Upload', { name: 'a', data: 'a', thumbnail: 5, chunks: ['QR==', [1, 2]] })).toEqual([
        { type: 'bytes_invalid_encoding', loc: ['data'], msg: 'Data should be valid base64: Invalid input length: 1', input: 'a', ctx: { encoding: 'base64', encoding_error: 'Invalid input length: 1' } },
        { type: 'bytes_type', loc: ['thumbnail'], msg: 'Input should be a valid bytes', input: 5 },
        { type: 'bytes_invalid_encoding', loc: ['chunks', 0], msg: 'Data should be valid base64: Invalid last symbol 82, offset 1.', input: 'QR==', ctx: { encoding: 'base64', encoding_error: 'Invalid last symbol 82, offset 1.' } },
        { type: 'bytes_type', loc: ['chunks', 1], msg: 'Input should be a valid bytes', input: [1, 2] },
      ]);
      expect(issues('Upload', { name: 'a', data: 'aGk gd29ybGQ=' })).toEqual([
        { type: 'bytes_invalid_encoding', loc: ['data'], msg: 'Data should be valid base64: Invalid symbol 32, offset 3.', input: 'aGk gd29ybGQ=', ctx: { encoding: 'base64', encoding_error: 'Invalid symbol 32, offset 3.' } },
      ]);
    });

    it("words base64 errors as pydantic's decoder does: one alphabet, padding up to a group, UTF-8 offsets", () => {
      const reason = (data: string): unknown => x.Upload.safeParse({ name: 'a', data }).error?.issues[0].ctx.encoding_error;
      expect(['AAAA=', '=', 'AA===', '+-', 'a-b/', 'é', 'AAé', 'AAAAA'].map(reason)).toEqual([
        'Invalid symbol 61, offset 4.',
        'Invalid symbol 61, offset 0.',
        'Invalid symbol 61, offset 4.',
        'Invalid symbol 45, offset 1.',
        'Invalid symbol 47, offset 3.',
        'Invalid symbol 195, offset 0.',
        'Invalid symbol 195, offset 2.',
        'Invalid input length: 5',
      ]);
      expect([...x.Upload.parse({ name: 'a', data: 'AA=' }).data]).toEqual([0]);
    });

    it('refuses detached and imitation arrays, and dump names one that construct let in', () => {
      const detached = new Uint8Array([1, 2]);
      structuredClone(detached.buffer, { transfer: [detached.buffer] });
      const fakes = [detached, Object.create(Uint8Array.prototype), new Proxy(new Uint8Array(1), {})];
      for (const data of fakes) {
        // (A detached array cannot be compared deeply: its items cannot be read.)
        const found = issues('Upload', { name: 'a', data }) as { type: string; loc: unknown[]; input: unknown }[];
        expect(found.map((i) => [i.type, i.loc])).toEqual([['bytes_type', ['data']]]);
        expect(found[0]!.input).toBe(data);
        expect(x.Upload.safeParse({ name: 'a', data }).error.message).toContain('[type=bytes_type, input=');
        expect(x.Upload.is({ name: 'a', data, chunks: [] })).toBe(false);
      }
      const built = x.Upload.construct({ name: 'a', data: detached });
      const message = 'dump cannot read a detached or imitation Uint8Array: it reached the instance through construct() or copy(), which do not validate';
      expect(() => built.dumpJSON()).toThrow(new TypeError(message));
      expect(() => built.dump()).toThrow(new TypeError(message));
      expect(x.Upload.is({ name: 'a', data: new Uint8Array(0), chunks: [] })).toBe(true);
    });

    it('takes base64 in strict mode only from JSON text', () => {
      expect(issues('Upload', { name: 'a', data: 'AA', raw: 'AA' })).toEqual([{ type: 'bytes_type', loc: ['raw'], msg: 'Input should be a valid bytes', input: 'AA' }]);
      expect(x.Upload.safeParse({ name: 'a', data: 'AA' }, { strict: true }).error.issues).toEqual([{ type: 'bytes_type', loc: ['data'], msg: 'Input should be a valid bytes', input: 'AA' }]);
      const upload = x.Upload.parseJSON('{"name":"a","data":"AAE=","raw":"Ag=="}', { strict: true });
      expect([[...upload.data], [...upload.raw]]).toEqual([[0, 1], [2]]);
    });

    it('writes base64 to JSON and copies in JS mode', () => {
      const upload = x.Upload.parse({ name: 'a', data: new Uint8Array([0, 1, 254, 255]), thumbnail: null });
      expect(upload.dumpJSON()).toBe('{"name":"a","data":"AAH+/w==","thumbnail":null,"chunks":[]}');
      expect(JSON.stringify(upload)).toBe(upload.dumpJSON());
      const plain = upload.dump();
      expect(plain.data).toStrictEqual(new Uint8Array([0, 1, 254, 255]));
      expect(plain.data).not.toBe(upload.data);
      expect(upload.copy({}, { deep: true }).data).not.toBe(upload.data);
      expect(upload.copy({}, { deep: true }).data).toStrictEqual(upload.data);
      expect(x.Upload.construct({ name: 'b', data: upload.data }).dumpJSON()).toBe('{"name":"b","data":"AAH+/w==","chunks":[]}');
    });

    it('round-trips any bytes through JSON', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.uint8Array({ maxLength: 8 }), { maxLength: 3 }), (data, chunks) => {
          const upload = x.Upload.parse({ name: 'n', data, chunks });
          const back = x.Upload.parseJSON(upload.dumpJSON(), { strict: true });
          expect(back.data).toStrictEqual(new Uint8Array(data));
          expect(back.chunks).toStrictEqual(chunks.map((c) => new Uint8Array(c)));
          expect(upload.dumpJSON()).toContain(`"data":"${Buffer.from(data).toString('base64')}"`);
        }),
      );
    });

    it('gives a result or a ValidationError for any string or value', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: fc.constantFrom('A', 'Q', 'z', '0', '+', '/', '-', '_', '=', ' ', 'é') }), fc.anything().filter((v) => v !== undefined)), (data) => {
          const result = x.Upload.safeParse({ name: 'n', data });
          if (result.success) {
            expect(typeof data === 'string' ? Buffer.from(data.replace(/-/g, '+').replace(/_/g, '/'), 'base64') : data).toEqual(Buffer.from(result.data.data));
          } else {
            expect(result.error.issues.every((i: { type: string }) => i.type === 'bytes_type' || i.type === 'bytes_invalid_encoding')).toBe(true);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('takes Readonly<Uint8Array> as bytes', () => {
      const upload = x.Upload.parse({ name: 'a', data: '', sealed: 'AQI=' });
      expect(upload.sealed).toStrictEqual(new Uint8Array([1, 2]));
      expect(x.Upload.jsonSchema().properties.sealed).toEqual({ type: 'string', contentEncoding: 'base64' });
      expect(issues('Upload', { name: 'a', data: '', sealed: [1, 2] })).toEqual([{ type: 'bytes_type', loc: ['sealed'], msg: 'Input should be a valid bytes', input: [1, 2] }]);
    });

    it('counts bytes against length bounds, not base64 characters, in parse and is', () => {
      const key16 = new Uint8Array(16).fill(7);
      const upload = x.Upload.parse({ name: 'a', data: '', key: Buffer.from(key16).toString('base64'), hashes: ['AQIDBA', new Uint8Array(0)] });
      expect(upload.key).toStrictEqual(key16);
      expect(upload.hashes).toStrictEqual([new Uint8Array([1, 2, 3, 4]), new Uint8Array(0)]);
      expect(x.Upload.is(upload)).toBe(true);
      expect(x.Upload.is({ ...upload, key: new Uint8Array(15) })).toBe(false);
      expect(x.Upload.is({ ...upload, hashes: [new Uint8Array(5)] })).toBe(false);
      // 15 bytes are 20 base64 characters: still too short.
      expect(issues('Upload', { name: 'a', data: '', key: Buffer.from(new Uint8Array(15)).toString('base64'), hashes: [new Uint8Array(5), 'AQIDBAU='] })).toEqual([
        { type: 'bytes_too_short', loc: ['key'], msg: 'Data should have at least 16 bytes', input: 'AAAAAAAAAAAAAAAAAAAA', ctx: { min_length: 16 } },
        { type: 'bytes_too_long', loc: ['hashes', 0], msg: 'Data should have at most 4 bytes', input: new Uint8Array(5), ctx: { max_length: 4 } },
        { type: 'bytes_too_long', loc: ['hashes', 1], msg: 'Data should have at most 4 bytes', input: 'AQIDBAU=', ctx: { max_length: 4 } },
      ]);
      expect(issues('Upload', { name: 'a', data: '', key: new Uint8Array(33) })).toEqual([
        { type: 'bytes_too_long', loc: ['key'], msg: 'Data should have at most 32 bytes', input: new Uint8Array(33), ctx: { max_length: 32 } },
      ]);
      // The type comes first: no length issue for text that is not base64.
      expect(issues('Upload', { name: 'a', data: '', key: 'a' }).map((i: any) => i.type)).toEqual(['bytes_invalid_encoding']);
    });

    it('bounds the base64 text in JSON Schema so that every valid key fits it', () => {
      expect(x.Upload.jsonSchema().properties.key).toEqual({ type: 'string', contentEncoding: 'base64', minLength: 22, maxLength: 44, description: 'A key of 16 to 32 bytes (pydantic\'s conbytes).' });
      expect(x.Upload.jsonSchema({ target: 'openapi-3.0' }).properties.hashes.items).toEqual({ type: 'string', format: 'byte', maxLength: 8 });
      const schema = x.Upload.jsonSchema().properties.key;
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 16, maxLength: 32 }), fc.boolean(), (bytes, padded) => {
          const text = Buffer.from(bytes).toString(padded ? 'base64' : 'base64url');
          expect(text.length).toBeGreaterThanOrEqual(schema.minLength);
          expect(text.length).toBeLessThanOrEqual(schema.maxLength);
        }),
      );
    });

    it('is base64 text in JSON Schema and a Uint8Array or string in the input type', () => {
      expect(x.Upload.jsonSchema().properties.data).toEqual({ type: 'string', contentEncoding: 'base64' });
      expect(x.Upload.jsonSchema().properties.thumbnail).toEqual({ type: ['string', 'null'], contentEncoding: 'base64' });
      expect(x.Upload.jsonSchema({ target: 'openapi-3.0' }).properties.data).toEqual({ type: 'string', format: 'byte' });
      expect(code).toContain('type UploadInput = { name: string; data: Uint8Array | string; thumbnail?: Uint8Array | string | null; chunks?: Array<Uint8Array | string>; raw?: Uint8Array | string; key?: Uint8Array | string; hashes?: Array<Uint8Array | string>; sealed?: Uint8Array | string };');
      expect(code).toContain('if ((o = laxBytes(c, v, [k], !(c.strict === true && !c.json))) === INVALID) break f;');
    });
  });

  describe('TimeString and Duration', () => {
    it('keep valid text as it is', () => {
      const s = x.Schedule.parse({ opens: '09:00', closes: '17:30:00+02:00', timeout: 'PT30S', retryAfter: 'P1DT12H' });
      expect(s.dump()).toEqual({ opens: '09:00', closes: '17:30:00+02:00', timeout: 'PT30S', retryAfter: 'P1DT12H' });
      expect(x.durationMs(s.timeout)).toBe(30_000);
      expect(x.Schedule.is(s)).toBe(true);
    });

    it('report time_parsing and time_delta_parsing with speedate reasons', () => {
      expect(issues('Schedule', { opens: '9am', closes: '24:00', timeout: '30s', retryAfter: 'P1DT' })).toEqual([
        { type: 'time_parsing', loc: ['opens'], msg: 'Input should be in a valid time format, input is too short', input: '9am', ctx: { error: 'input is too short' } },
        { type: 'time_parsing', loc: ['closes'], msg: 'Input should be in a valid time format, hour value is outside expected range of 0-23', input: '24:00', ctx: { error: 'hour value is outside expected range of 0-23' } },
        {
          type: 'time_delta_parsing',
          loc: ['timeout'],
          msg: 'Input should be a valid duration, expected an ISO 8601 duration starting with `P`, like `P1DT2H`',
          input: '30s',
          ctx: { error: 'expected an ISO 8601 duration starting with `P`, like `P1DT2H`' },
        },
        { type: 'time_delta_parsing', loc: ['retryAfter'], msg: 'Input should be a valid duration, input is too short', input: 'P1DT', ctx: { error: 'input is too short' } },
      ]);
      expect(issues('Schedule', { opens: 900, timeout: 30 }).map((i: any) => i.type)).toEqual(['string_type', 'string_type']);
    });

    it('are time and duration formats in JSON Schema', () => {
      const props = x.Schedule.jsonSchema().properties;
      expect([props.opens, props.timeout, props.retryAfter]).toEqual([
        { type: 'string', format: 'time' },
        { type: 'string', format: 'duration' },
        { type: 'string', format: 'duration' },
      ]);
    });
  });

  describe('IP networks and interfaces', () => {
    it('take networks without host bits and interfaces with them', () => {
      const rule = x.Rule.parse({ source: '2001:db8::/32', gateway: '10.0.0.1/8', v6: '::1/64', allow: '1.2.3.0/255.255.255.0', allowed: ['10.0.0.0/8', '1.2.3.4'] });
      expect(rule.source).toBe('2001:db8::/32');
      expect(x.Rule.is(rule)).toBe(true);
    });

    it("report pydantic's error types, and each member of a union", () => {
      expect(issues('Rule', { source: '10.0.0.1/8', gateway: '10.0.0.1/33', v6: '::1/129', allow: '1.2.3.4/24', allowed: ['x'] })).toEqual([
        { type: 'ip_v4_network', loc: ['source', 'IPv4Network'], msg: 'Input is not a valid IPv4 network', input: '10.0.0.1/8' },
        { type: 'ip_v6_network', loc: ['source', 'IPv6Network'], msg: 'Input is not a valid IPv6 network', input: '10.0.0.1/8' },
        { type: 'ip_v4_interface', loc: ['gateway'], msg: 'Input is not a valid IPv4 interface', input: '10.0.0.1/33' },
        { type: 'ip_v6_interface', loc: ['v6'], msg: 'Input is not a valid IPv6 interface', input: '::1/129' },
        { type: 'ip_v4_network', loc: ['allow'], msg: 'Input is not a valid IPv4 network', input: '1.2.3.4/24' },
        { type: 'ip_v4_network', loc: ['allowed', 0], msg: 'Input is not a valid IPv4 network', input: 'x' },
      ]);
    });

    it("use pydantic's format names in JSON Schema", () => {
      const props = x.Rule.jsonSchema().properties;
      expect(props.source).toEqual({ anyOf: [{ type: 'string', format: 'ipv4network' }, { type: 'string', format: 'ipv6network' }] });
      expect([props.gateway, props.v6, props.allow]).toEqual([
        { type: 'string', format: 'ipv4interface' },
        { type: 'string', format: 'ipv6interface' },
        { type: 'string', format: 'ipv4network' },
      ]);
    });
  });
});

describe('types that are not bytes', () => {
  it('are diagnostics that point to Uint8Array', () => {
    const lines = [
      "import { Model, model, field, type Duration } from 'tydantic';",
      '@model()',
      'export class A extends Model {',
      '  b!: Buffer;',
      '  c!: Uint16Array;',
      "  @field({ pattern: '^a' }) d!: Uint8Array;",
      '  /** @example "1 day" */',
      '  f!: Duration;',
      '  @field({ minLength: 5, maxLength: 2 }) g!: Uint8Array;',
      '}',
    ];
    expect(diagnosticsOf('formats-bad', lines, { types: ['node'] })).toEqual([
      "models.ts:4:7 - error: A.b: 'Buffer<ArrayBufferLike>' is Node's subclass of Uint8Array, which parse does not make\n  hint: declare the field as Uint8Array: parse gives a copy of any Uint8Array, a Buffer included",
      "models.ts:5:7 - error: A.c: 'Uint16Array<ArrayBufferLike>' is not supported yet\n  hint: bytes are a Uint8Array (base64 in JSON)",
      "models.ts:6:29 - error: A.d: pattern applies to strings, but the type is 'Uint8Array'\n  hint: strings take minLength, maxLength, pattern, format; numbers gt, ge, lt, le, multipleOf, int; arrays minItems, maxItems; Dates and DateStrings gt, ge, lt, le (as ISO dates), past, future; Uint8Arrays minLength, maxLength (in bytes)",
      `models.ts:7:7 - error: A.f: the @example "1 day" does not fit the field's type: it is not a valid duration\n  hint: the JSON Schema shows it as a valid value: fix the @example or the type`,
      'models.ts:9:42 - error: A.g: the constraints minLength: 5 and maxLength: 2 leave no value: minLength is above maxLength\n  hint: fix one of the bounds (a @field() option or a refinement type)',
    ]);
  });
});
