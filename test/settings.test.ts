/**
 * Settings (`tydantic/settings`): `load()` reads overrides, command-line options, environment variables,
 * real `.env` files and a real secrets directory by priority, parses in lax mode, and throws one
 * SettingsError naming each variable to fix, with secrets masked everywhere.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, diagnosticsOf } from './helpers/compile';
import { modes } from './helpers/fixture';

const DB = { APP_DATABASE__NAME: 'shop' };
const KEY = 'k3y-that-is-long';

describe.each(modes)('settings (%s decorators)', (mode) => {
  let x: Record<string, any>;
  let dir: string;
  /** `AppSettings.load(overrides, options)` with `cwd` set to the fixture's folder. */
  const load = (overrides: object = {}, options: Record<string, unknown> = {}): any => x.AppSettings.load(overrides, { cwd: dir, ...options });
  /** The SettingsError of a failed load. */
  const failure = (overrides: object, options: Record<string, unknown>): any => {
    try {
      load(overrides, options);
    } catch (error) {
      return error;
    }
    throw new Error('load passed');
  };

  beforeAll(async () => {
    const compiled = await compileFixture('settings', mode);
    x = compiled.exports;
    dir = compiled.dir;
    writeFileSync(path.join(dir, '.env'), `# the shared defaults\nAPP_ENVIRONMENT=staging\nAPP_WORKERS=2\nAPP_DATABASE__HOST="db.internal"\nAPP_DATABASE__NAME=shop\n`);
    writeFileSync(path.join(dir, '.env.local'), "APP_WORKERS=3\nAPP_FEATURE_FLAGS='[\"beta\", \"dark mode\"]'\n");
    writeFileSync(path.join(dir, 'typo.env'), 'APP_WORKRES=5\nOTHER_TOOL=1\n');
    writeFileSync(path.join(dir, 'latin1.env'), Buffer.from('APP_DATABASE__NAME=caf\xe9\n', 'latin1'));
    mkdirSync(path.join(dir, 'secrets'), { recursive: true });
    writeFileSync(path.join(dir, 'secrets', 'app_api_key'), `${KEY}\n`);
    writeFileSync(path.join(dir, 'secrets', 'APP_WORKERS'), '1\n');
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ workers: 6, database: { port: 'six' } }));
  });

  it('reads prefixed variables, nested ones through the delimiter and JSON, and converts them in lax mode', () => {
    const env = {
      APP_ENVIRONMENT: 'production',
      app_workers: '8',
      APP_DEBUG: 'on',
      APP_DATABASE: '{"host":"db","name":"x","port":1}',
      APP_DATABASE__PORT: '6543',
      APP_FEATURE_FLAGS: 'a, b,c',
      APP_LIMITS: '{"rps": 20}',
      APP_API_KEY: KEY,
      DATABASE_URL: 'postgres://db/x',
      APP_MAINTENANCE_UNTIL: '2027-01-01T00:00:00Z',
      PATH: '/usr/bin',
    };
    const s = load({}, { env });
    expect(s).toBeInstanceOf(x.AppSettings);
    expect(s.dump({ mode: 'json' })).toEqual({
      environment: 'production',
      database: { host: 'db', port: 6543, name: 'x' },
      workers: 8,
      debug: true,
      featureFlags: ['a', 'b', 'c'],
      limits: { rps: 20 },
      apiKey: '**********',
      databaseUrl: 'postgres://db/x',
      maintenanceUntil: '2027-01-01T00:00:00.000Z',
    });
    expect(s.apiKey.reveal()).toBe(KEY);
    expect(s.database).toBeInstanceOf(x.Database);
  });

  it('takes overrides over options over the environment over .env files (later files first) over secret files over defaults', () => {
    const base = { env: { ...DB, APP_ENVIRONMENT: 'development' }, secretsDir: 'secrets' };
    const env = { ...base, env: { ...base.env, APP_WORKERS: '4' }, envFile: ['.env', '.env.local'] };
    expect(load({ workers: 9 }, { ...env, args: ['--workers', '5'] }).workers).toBe(9);
    expect(load({}, { ...env, args: ['--workers', '5'] }).workers).toBe(5);
    expect(load({}, env).workers).toBe(4);
    expect(load({}, { ...base, envFile: ['.env', '.env.local'] }).workers).toBe(3);
    expect(load({}, { ...base, envFile: ['.env.local', '.env'] }).workers).toBe(2);
    expect(load({}, base).workers).toBe(1);
    expect(load({ apiKey: KEY }, { env: base.env }).workers).toBe(4);
  });

  it('reads .env files as Node parses them: comments, quotes, JSON values, and their encoding', () => {
    const s = load({}, { env: {}, envFile: ['.env', '.env.local', 'missing.env'], secretsDir: ['nowhere', 'secrets'] });
    expect(s.environment).toBe('staging');
    expect(s.database.host).toBe('db.internal');
    expect(s.featureFlags).toEqual(['beta', 'dark mode']);
    expect(s.apiKey.reveal()).toBe(KEY);
    const latin = load({}, { env: { APP_ENVIRONMENT: 'staging' }, envFile: 'latin1.env', envFileEncoding: 'latin1', secretsDir: 'secrets' });
    expect(latin.database.name).toBe('café');
  });

  it('names every bad variable in one SettingsError, masks secrets, and leaves out inputs that hold other values', () => {
    const error = failure({}, { env: { APP_ENVIRONMENT: 'prod', APP_WORKERS: 'eighty', APP_API_KEY: 'hunter2', APP_DATABASE__PORT: '0', PATH: '/usr/bin' } });
    expect(error).toBeInstanceOf(x.SettingsError);
    expect(error).toBeInstanceOf(x.ValidationError);
    expect(error.name).toBe('SettingsError');
    expect(error.message).toBe(
      [
        '5 settings errors for AppSettings',
        "  APP_ENVIRONMENT: Input should be 'development', 'staging' or 'production' [type=literal_error, input='prod']",
        "  APP_DATABASE__PORT: Input should be greater than or equal to 1 [type=greater_than_equal, input='0']",
        '  APP_DATABASE__NAME: Field required [type=missing]',
        "  APP_WORKERS: Input should be a valid integer, unable to parse string as an integer [type=int_parsing, input='eighty']",
        "  APP_API_KEY: String should have at least 8 characters [type=string_too_short, input='**********']",
      ].join('\n'),
    );
    expect(error.issues.map((i: any) => [i.variable, i.source, i.loc])).toEqual([
      ['APP_ENVIRONMENT', 'environment', ['environment']],
      ['APP_DATABASE__PORT', 'environment', ['database', 'port']],
      ['APP_DATABASE__NAME', 'missing', ['database', 'name']],
      ['APP_WORKERS', 'environment', ['workers']],
      ['APP_API_KEY', 'environment', ['apiKey']],
    ]);
    // The missing field's parent object (with the key in it) is nowhere: not in the issue, its JSON, or inspect.
    expect('input' in error.issues[2]).toBe(false);
    for (const shown of [error.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error)]) {
      expect(shown).not.toContain('hunter2');
      expect(shown).not.toContain('/usr/bin');
    }
    expect(error.toJSON().issues[4]).toEqual({
      type: 'string_too_short',
      loc: ['apiKey'],
      msg: 'String should have at least 8 characters',
      input: '**********',
      ctx: { min_length: 8 },
      variable: 'APP_API_KEY',
      source: 'environment',
    });
  });

  it('names values from .env files, secret files, options and overrides by where they are', () => {
    const error = failure(
      { environment: 'qa' },
      { env: { APP_DATABASE__NAME: '' }, envFile: '.env', secretsDir: 'secrets', args: ['--database.port=-1'] },
    );
    expect(error.issues.map((i: any) => `${i.variable} | ${i.source} | ${i.type}`)).toEqual([
      'load overrides: environment | load overrides | literal_error',
      '--database.port | command line | greater_than_equal',
      'APP_DATABASE__NAME | environment | string_too_short',
    ]);
    writeFileSync(path.join(dir, 'secrets', 'APP_DATABASE'), '{"name": ""}');
    try {
      const fromFiles = failure({}, { env: { APP_WORKERS: 'x', APP_ENVIRONMENT: 'staging' }, secretsDir: 'secrets' });
      expect(fromFiles.issues.map((i: any) => `${i.variable} | ${i.source} | ${i.type}`)).toEqual([
        `APP_DATABASE (secret file ${path.join(dir, 'secrets', 'APP_DATABASE')}) at name | secret files | string_too_short`,
        'APP_WORKERS | environment | int_parsing',
      ]);
    } finally {
      writeFileSync(path.join(dir, 'secrets', 'APP_DATABASE'), '{}');
    }
    const dotenv = failure({}, { env: { APP_API_KEY: KEY, APP_ENVIRONMENT: 'staging' }, envFile: ['.env', '.env.local'], args: ['--database.name='] });
    expect(dotenv.issues.map((i: any) => i.variable)).toEqual(['--database.name']);
    const file = failure({}, { env: { APP_API_KEY: KEY, APP_ENVIRONMENT: 'staging', ...DB, APP_WORKERS: 'x' } });
    expect(file.issues.map((i: any) => i.variable)).toEqual(['APP_WORKERS']);
  });

  it('reports JSON that does not parse once, at its variable, and hides a secret JSON value', () => {
    const error = failure({}, { env: { APP_ENVIRONMENT: 'staging', APP_API_KEY: KEY, APP_DATABASE: '{"name": shop}', APP_LIMITS: '[1,' } });
    expect(error.issues.map((i: any) => [i.variable, i.type, i.loc, i.input])).toEqual([
      ['APP_DATABASE', 'json_invalid', ['database'], '{"name": shop}'],
      ['APP_LIMITS', 'json_invalid', ['limits'], '[1,'],
    ]);
    expect(error.issues[0].msg).toMatch(/^Invalid JSON: Unexpected token/);
  });

  it('forbids .env variables with the prefix that name no field (a typo), never showing their values', () => {
    const error = failure({}, { env: { ...DB, APP_API_KEY: KEY, APP_ENVIRONMENT: 'staging' }, envFile: 'typo.env' });
    expect(error.issues).toEqual([
      { type: 'extra_forbidden', loc: ['APP_WORKRES'], msg: 'Extra inputs are not permitted', input: '**********', variable: 'APP_WORKRES (typo.env)', source: '.env files' },
    ]);
    // A model that allows extras ignores them; so does every model for the environment itself.
    expect(x.Plain.load({}, { env: { PORT: '1', NOT_A_FIELD: 'x' }, envFile: 'typo.env', cwd: dir }).port).toBe(1);
  });

  it('matches names in any case unless caseSensitive, and maps envParseNone and envIgnoreEmpty', () => {
    const env = { ...DB, APP_API_KEY: KEY, APP_ENVIRONMENT: 'staging', app_workers: '7', APP_MAINTENANCE_UNTIL: 'none', APP_DEBUG: '' };
    expect(failure({}, { env }).issues.map((i: any) => [i.variable, i.type])).toEqual([
      ['APP_DEBUG', 'bool_parsing'],
      ['APP_MAINTENANCE_UNTIL', 'datetime_parsing'],
    ]);
    const s = load({}, { env, envParseNone: 'none', envIgnoreEmpty: true });
    expect([s.workers, s.maintenanceUntil, s.debug]).toEqual([7, null, false]);
    expect(load({}, { env, envParseNone: 'none', envIgnoreEmpty: true, caseSensitive: true }).workers).toBe(4);
  });

  it('reads command-line options: values, =values, flags, repeated lists, nested paths and kebab-case names', () => {
    const args = ['--environment', 'staging', '--debug', '--feature-flags', 'a', '--featureFlags=b,c', '--database.host=db', '--database.name', 'shop', '--api-key', KEY];
    const s = load({}, { env: {}, args });
    expect([s.environment, s.debug, s.featureFlags, s.database.host, s.database.name]).toEqual(['staging', true, ['a', 'b', 'c'], 'db', 'shop']);
    expect(load({}, { env: {}, args: [...args, '--debug', 'false'] }).debug).toBe(false);
    const error = failure({}, { env: {}, args: [...args, '--nope', 'x', 'stray'] });
    expect(error.issues.map((i: any) => [i.variable, i.type])).toEqual([
      ['--nope', 'extra_forbidden'],
      ['x', 'extra_forbidden'],
      ['stray', 'extra_forbidden'],
    ]);
    const argv = process.argv;
    process.argv = ['node', 'main.js', '--port', '81'];
    try {
      expect(x.Plain.load({}, { env: {} }).port).toBe(8000);
      expect(x.Cli.load({}, { env: {} }).port).toBe(81);
    } finally {
      process.argv = argv;
    }
  });

  it('takes extra sources in the order given, such as a JSON file the caller parses', () => {
    const config = x.fileSource('config.json', JSON.parse, { cwd: dir });
    const sources = (s: any): unknown[] => [s.overrides, s.args, s.env, config, s.dotenv, s.secrets];
    const env = { ...DB, APP_API_KEY: KEY, APP_ENVIRONMENT: 'staging' };
    const error = failure({}, { env, sources });
    expect(error.issues.map((i: any) => [i.variable, i.source])).toEqual([['config.json: database.port', 'config.json']]);
    expect(load({}, { env: { ...env, APP_DATABASE__PORT: '7' }, sources }).workers).toBe(6);
    expect(x.fileSource('absent.json', JSON.parse, { cwd: dir })).toEqual({ name: 'absent.json', values: {} });
    expect(() => x.fileSource('absent.json', JSON.parse, { cwd: dir, required: true })).toThrow(/ENOENT/);
  });

  it('reads the keys of a record through the delimiter, merged over its JSON variable', () => {
    const env = { ...DB, APP_API_KEY: KEY, APP_ENVIRONMENT: 'staging', APP_LIMITS: '{"rps": 1, "burst": 2}', APP_LIMITS__RPS: '20', app_limits__Search: '5' };
    expect(load({}, { env }).limits).toEqual({ rps: 1, burst: 2, RPS: 20, Search: 5 });
    const error = failure({}, { env: { ...env, APP_LIMITS__RPS: 'many' } });
    expect(error.issues.map((i: any) => [i.variable, i.type, i.loc])).toEqual([['APP_LIMITS__RPS', 'float_parsing', ['limits', 'RPS']]]);
  });

  it('reads an array or a Set from JSON or a comma list, and the whole model from overrides alone', () => {
    expect([...x.Plain.load({}, { env: { TAGS: 'a,b,a' } }).tags]).toEqual(['a', 'b']);
    expect([...x.Plain.load({}, { env: { TAGS: '["x"]' } }).tags]).toEqual(['x']);
    expect(x.Plain.load({ host: '::1' }, { env: { HOST: 'ignored' } }).host).toBe('::1');
    // A settings model forbids extra keys by default.
    const error = failure({ enviroment: 'staging' }, { env: { ...DB, APP_API_KEY: KEY, APP_ENVIRONMENT: 'staging' } });
    expect(error.issues.map((i: any) => [i.variable, i.type])).toEqual([['load overrides: enviroment', 'extra_forbidden']]);
  });
});

describe('settings in the compile step', () => {
  it('takes the settings options as they are and checks the model options', () => {
    const diagnostics = diagnosticsOf('settings-diagnostics', [
      "import { type Secret } from 'tydantic';",
      "import { Settings, settings } from 'tydantic/settings';",
      "const PREFIX = process.env['PREFIX'] ?? 'APP_';",
      '@settings({ envPrefix: PREFIX, envFile: [`.env`], strict: true })',
      'export class Good extends Settings {',
      '  port = 1;',
      '}',
      '@settings({ extra: "sometimes", envPrefx: "X_" })',
      'export class Bad extends Settings {',
      '  token!: Secret<string> | number;',
      '  double!: Secret<Secret<string>>;',
      '}',
    ]);
    expect(diagnostics).toEqual([
      "models.ts:8:20 - error: Bad: option 'extra' must be 'ignore', 'forbid' or 'allow'\n  hint: got \"sometimes\"",
      "models.ts:10:11 - error: Bad.token: a Secret in a union with other types is not supported\n  hint: make the whole union secret: Secret<A | B>",
      "models.ts:11:12 - error: Bad.double: 'Secret<Secret<string>>' is a secret inside a secret\n  hint: write Secret<T> once",
    ]);
  });
});
