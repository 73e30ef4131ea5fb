// `npm run docs:api`: the API reference with TypeDoc (docs/api/, not committed), then a check that every
// public symbol of both packages has a doc comment: TypeDoc 0.28's own `notDocumented` reports nothing,
// so its JSON output is walked here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const KIND = { Enum: 8, Variable: 32, Function: 64, Class: 128, Interface: 256, Property: 1024, Method: 2048, Accessor: 262144, TypeAlias: 2097152 };
const REQUIRED = Object.values(KIND).reduce((a, b) => a | b, 0);
const work = mkdtempSync(path.join(tmpdir(), 'tydantic-api-'));
const json = path.join(work, 'api.json');
try {
  execFileSync('npx', ['typedoc', '--json', json], { stdio: ['ignore', 'inherit', 'inherit'] });
  const project = JSON.parse(readFileSync(json, 'utf8'));
  const documented = (r) =>
    r.comment?.summary?.some((part) => part.text.trim() !== '') === true ||
    (r.signatures ?? []).some((s) => s.comment?.summary?.some((part) => part.text.trim() !== '')) ||
    r.getSignature?.comment !== undefined;
  const missing = [];
  // ErrorContexts has one key per error type, each the `ctx` of that type: docs/errors.md documents every one.
  const exempt = new Set(['src.ErrorContexts']);
  const walk = (r, trail) => {
    const name = [...trail, r.name].join('.');
    if (exempt.has(trail.join('.'))) return;
    if (r.kind & REQUIRED && !r.inheritedFrom && !r.flags?.isExternal && !documented(r)) missing.push(name);
    for (const child of r.children ?? []) walk(child, r.kind === 1 ? [] : [...trail, r.name]);
  };
  walk(project, []);
  if (missing.length > 0) {
    console.error(`${missing.length} public symbols without a doc comment:\n${missing.map((m) => `  ${m}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('api: every public symbol is documented');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
