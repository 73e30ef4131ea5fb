/**
 * Unions in parse code: smart mode (exact member first, the most fields set
 * among models and object types, then lax trials with every member's issues
 * under its label) and discriminated unions (dispatch on the tag).
 */
import { assertNever, fieldsOf, literalText, memberLabels, tagsOf, type TypeNode } from '../ir';
import type { Names } from '../names';
import { Lines, lit, read } from './code';
import { emitCheck } from './check';
import type { EmitContext } from './context';
import { inputKinds, type KindMode, kindTest } from './kinds';
import { emitValue, type Site } from './parse';

/**
 * Smart-mode union: the first member the value fits exactly (strict check)
 * wins; else the first member that parses in lax mode; else every member's
 * issues are reported under the member's label.
 */
export function emitUnion(
  e: EmitContext,
  out: Lines,
  names: Names,
  members: readonly TypeNode[],
  v: string,
  dst: string,
  site: Site,
): void {
  const done = names.numbered('u');
  // Models and object types (their definitions too) compete for the same input objects.
  const shaped = members.filter((m) => fieldsOf(m, e) !== undefined);
  out.block(`${done}:`, () => {
    for (const member of members) {
      if (shaped.includes(member) && shaped.length > 1) {
        // Several models or object types fit an object: the one with the most fields set wins, as in pydantic.
        if (member === shaped[0]) emitBestModel(e, out, names, shaped, v, dst, site, done);
        continue;
      }
      const next = names.numbered('m');
      out.block(`${next}:`, () => {
        emitCheck(e, out, names, member, v, `break ${next};`);
        if (passesThrough(member)) out.line(`${dst} = ${v};`);
        else emitValue(e, out, names, member, v, dst, site);
        out.line(`break ${done};`);
      });
    }
    const labels = memberLabels(members, e.models);
    const trials = members.map((member, i) => {
      const cx = names.numbered('c');
      const trial: Site = { cx, loc: [...site.loc, lit(labels[i]!)], label: names.numbered('m'), mode: site.mode };
      out.line(`const ${cx}${e.contextType()} = ${e.helper('trial')}(${site.cx});`);
      out.block(`${trial.label}:`, () => {
        emitValue(e, out, names, member, v, dst, trial);
        out.line(`break ${done};`);
      });
      return cx;
    });
    emitReport(e, out, members, trials, v, site);
    out.line(`break ${site.label};`);
  });
}

/**
 * Reports the issues of the members that take the input's kind of value (an
 * array fails as `Json[]`, not also as a string and a number); of every
 * member when none takes it.
 */
function emitReport(e: EmitContext, out: Lines, members: readonly TypeNode[], trials: readonly string[], v: string, site: Site): void {
  // The members that take a kind depend on the conversions in force: lax, strict, or strict on JSON text.
  const cx = site.cx;
  const report = (mode: KindMode) => (): void => emitReportFor(e, out, members, trials, v, cx, mode);
  // Where two modes report alike (no member converts anything), one branch serves both.
  const text = (mode: KindMode): string => {
    const scratch = new Lines();
    emitReportFor(e, scratch, members, trials, v, cx, mode);
    return String(scratch);
  };
  const choose = (test: string, yes: () => void, no: () => void, same: boolean): void => {
    if (same) return yes();
    out.block(`if (${test})`, yes);
    out.block('else', no);
  };
  const strict = (): void => choose(`${cx}.json === true`, report('json'), report('strict'), text('json') === text('strict'));
  if (site.mode.strict === 'lax') report('lax')();
  else if (site.mode.strict === 'strict') strict();
  else {
    const same = text('lax') === text('json') && text('json') === text('strict');
    choose(`${cx}.strict === true`, strict, report('lax'), same);
  }
}

function emitReportFor(e: EmitContext, out: Lines, members: readonly TypeNode[], trials: readonly string[], v: string, cx: string, mode: KindMode): void {
  const adopt = (trial: string): string => `${e.helper('adopt')}(${cx}, ${trial});`;
  const tests = members.map((member) => {
    const kinds = inputKinds(member, e.definitions, mode);
    return kinds === undefined ? undefined : kindTest(kinds, v);
  });
  if (tests.some((t) => t === undefined) || new Set(tests).size === 1) {
    for (const trial of trials) out.line(adopt(trial));
    return;
  }
  out.block(`if (${tests.map((t) => `(${t})`).join(' || ')})`, () => {
    tests.forEach((test, i) => out.line(`if (${test}) ${adopt(trials[i]!)}`));
  });
  out.block('else', () => {
    for (const trial of trials) out.line(adopt(trial));
  });
}

/** Among model members that strictly fit, parses with the one whose fields the input sets most. */
function emitBestModel(
  e: EmitContext,
  out: Lines,
  names: Names,
  shaped: readonly TypeNode[],
  v: string,
  dst: string,
  site: Site,
  done: string,
): void {
  const best = names.numbered('b');
  const score = names.numbered('s');
  out.line(`let ${best} = -1;`);
  out.line(`let ${score} = -1;`);
  shaped.forEach((member, i) => {
    const next = names.numbered('m');
    const set = names.numbered('s');
    const fields = fieldsOf(member, e)!;
    out.block(`${next}:`, () => {
      emitCheck(e, out, names, member, v, `break ${next};`);
      out.line(`const ${set} = ${e.helper('fieldsSet')}(${v}, ${e.keyList(fields.map((f) => f.validationAlias ?? f.name))});`);
      out.line(`if (${set} > ${score}) { ${best} = ${i}; ${score} = ${set}; }`);
    });
  });
  shaped.forEach((member, i) => {
    out.block(`if (${best} === ${i})`, () => {
      emitValue(e, out, names, member, v, dst, site);
      out.line(`break ${done};`);
    });
  });
}

/** Dispatches on the tag of a discriminated union: errors come only from the selected member. */
export function emitTagged(
  e: EmitContext,
  out: Lines,
  names: Names,
  node: TypeNode & { kind: 'union' },
  v: string,
  dst: string,
  site: Site,
): void {
  const discriminator = lit(`'${node.discriminator}'`);
  const loc = site.loc.join(', ');
  const notFound = `{ ${e.helper('issue')}(${site.cx}, "union_tag_not_found", [${loc}], ${v}, { discriminator: ${discriminator} }); break ${site.label}; }`;
  out.line(`if (typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})) ${notFound}`);
  const tag = names.numbered('t');
  out.line(`const ${tag} = ${read(v, node.discriminator!)};`);
  out.line(`switch (${tag}) {`);
  const tags = tagsOf(node, e);
  out.indent(() => {
    for (const { values, member } of tags) {
      for (const value of values) {
        // Issues of the selected member are located under the tag, as text.
        const selected: Site = { ...site, loc: [...site.loc, lit(String(value))] };
        out.block(`case ${lit(value)}:`, () => {
          emitValue(e, out, names, member, v, dst, selected);
          out.line('break;');
        });
      }
    }
    out.line(`case undefined: ${notFound}`);
    const expectedTags = tags.flatMap((t) => t.values).map(literalText).join(', ');
    out.line(
      `default: { ${e.helper('issue')}(${site.cx}, "union_tag_invalid", [${loc}], ${v}, { discriminator: ${discriminator}, tag: ${e.helper('tagText')}(${tag}), expected_tags: ${lit(expectedTags)} }); break ${site.label}; }`,
    );
  });
  out.line('}');
}

/** True when parse returns a strictly valid value as it is (no copy, no conversion). */
function passesThrough(node: TypeNode): boolean {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'literal':
    case 'unknown':
    case 'nonNullish':
    case 'nonPrimitive':
    case 'bigint':
      return true;
    case 'nullable':
      return passesThrough(node.type);
    case 'union':
      return node.members.every(passesThrough);
    case 'date':
    case 'regexp':
    case 'bytes':
    case 'array':
    case 'model':
    case 'ref':
    case 'object':
    case 'tuple':
    case 'set':
    case 'map':
    case 'secret':
      return false;
    default:
      return assertNever(node);
  }
}
