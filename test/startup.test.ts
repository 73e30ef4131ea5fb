/**
 * The example service's startup (examples/express/main.ts) as a real process: a bad environment stops it
 * before it listens, with one message naming each variable to fix; a good one starts it, and the settings it
 * logs show no secret.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { repo } from './helpers/compile';

const dir = path.join(repo, 'test/.tmp', `startup-${process.pid}`);
const SESSION_KEY = 'session-key-0123456789abcdefghijk';
const DB_PASSWORD = 'db-password-from-dotenv';

/** Runs the bundled service in `dir` with `env` until it exits or prints `until`; its output and exit code. */
function run(env: Record<string, string>, until?: RegExp): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [path.join(dir, 'main.mjs')], { cwd: dir, env: { PATH: process.env['PATH'] ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the example service at startup', () => {
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [path.join(repo, 'examples/express/main.ts')],
      outfile: path.join(dir, 'main.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Express is CommonJS: give the ESM bundle a `require` for it.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      alias: { tydantic: path.join(repo, 'src/index.ts'), 'tydantic/internal': path.join(repo, 'src/internal.ts'), 'tydantic/settings': path.join(repo, 'src/settings.ts'), 'tydantic/express': path.join(repo, 'src/express.ts') },
      logLevel: 'error',
    });
    writeFileSync(path.join(dir, '.env'), `APP_DATABASE__NAME=orders\nAPP_DATABASE__PASSWORD=${DB_PASSWORD}\n`);
  });

  it('refuses to start on a bad environment, naming each variable once and showing no secret', async () => {
    const { code, stdout, stderr } = await run({ APP_ENVIRONMENT: 'prod', APP_PORT: 'eighty', APP_DATABASE__PORT: '0', APP_SESSION_KEY: 'hunter2', APP_FEATURE_FLAGS: '["a",' });
    expect(code).toBe(78);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        '5 settings errors for AppConfig',
        `  APP_FEATURE_FLAGS: Invalid JSON: Unexpected end of JSON input [type=json_invalid, input='["a",']`,
        "  APP_ENVIRONMENT: Input should be 'development', 'staging' or 'production' [type=literal_error, input='prod']",
        "  APP_PORT: Input should be a valid integer, unable to parse string as an integer [type=int_parsing, input='eighty']",
        "  APP_DATABASE__PORT: Input should be greater than or equal to 1 [type=greater_than_equal, input='0']",
        "  APP_SESSION_KEY: String should have at least 32 characters [type=string_too_short, input='**********']",
        '',
      ].join('\n'),
    );
  });

  it('starts on a good environment and logs its settings with the secrets masked', async () => {
    const { stdout, stderr } = await run({ APP_ENVIRONMENT: 'staging', APP_PORT: '0', APP_SESSION_KEY: SESSION_KEY, APP_WORKERS: '2' }, /listening on/);
    expect(stderr).toBe('');
    expect(stdout).toContain("sessionKey: Secret('**********')");
    expect(stdout).toContain("password: Secret('**********')");
    expect(stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(staging, 2 workers\)/);
    expect(stdout).not.toContain(SESSION_KEY);
    expect(stdout).not.toContain(DB_PASSWORD);
  });
});
