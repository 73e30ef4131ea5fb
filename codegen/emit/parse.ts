/**
 * The parse emitter: builds a new instance from input, coercing where lax mode
 * allows, and reports every issue (one per value) with its location.
 * Locations are relative to the generated function; callers prefix them.
 */
import { assertNever, expectedText, hasDefault, inputKeysOf, refsIn, type DefinitionIR, type FieldIR, type ModelIR, type TypeNode, type ExtraPolicy } from '../ir';
import type { Names } from '../names';
import { Lines, lit, read, write } from './code';
import { bytesFails, dateFails, dateIssue, formatIssue, literalFails, nonPrimitiveFails, notExtra, notObject, numberFails, stringFails } from './check';
import { type Depth, type EmitContext, LOCALS } from './context';
import { emitTagged, emitUnion } from './parse-union';

/** Where a value's code reports to: the context variable, the location, the label to leave on failure, and how lax to be. */
export interface Site {
  readonly cx: string;
  readonly loc: readonly string[];
  readonly label: string;
  readonly mode: Mode;
}

/** How a value is converted: its strictness (fixed by the field or model, or left to the call) and number-to-string coercion. */
export interface Mode {
  readonly strict: 'strict' | 'lax' | 'call';
  readonly numbersToStr: boolean;
}

/** The mode of a model's field: the field's own strictness, else the model's, else the call's. */
function fieldMode(field: FieldIR, modelStrict: boolean | undefined, inherited: Mode): Mode {
  const strict = field.strict ?? modelStrict;
  return {
    strict: strict === undefined ? inherited.strict : strict ? 'strict' : 'lax',
    numbersToStr: field.coerceNumbersToStr === true || inherited.numbersToStr,
  };
}

/** The call decides: the mode of code outside any model's own settings. */
const CALL_MODE: Mode = { strict: 'call', numbersToStr: false };

/** An expression true when lax conversions are off (undefined when they are always on). */
function strictTest(site: Site, jsonToo = false): string | undefined {
  switch (site.mode.strict) {
    case 'strict':
      return jsonToo ? `!${site.cx}.json` : 'true';
    case 'lax':
      return undefined;
    case 'call':
      return jsonToo ? `${site.cx}.strict === true && !${site.cx}.json` : `${site.cx}.strict === true`;
  }
}

/** Emits `function parse_M(v, c) { … }`: an instance, or undefined after reporting issues to `c`. */
export function emitParse(e: EmitContext, out: Lines, model: ModelIR): void {
  const { parse: parseName, proto } = e.fn(model.id);
  const names = e.names.child(LOCALS);
  const before = model.validators?.filter((x) => x.mode === 'before') ?? [];
  const after = model.validators?.filter((x) => x.mode === 'after') ?? [];
  // Instances come from a constructor of their own (sharing the class's prototype; the class's constructor
  // never runs): V8 sizes the object from what the constructor writes, faster than Object.create followed by
  // one assignment per field. An optional field stays absent (not undefined) when the input has none.
  const ctor = e.fn(model.id).ctor;
  const params = model.fields.map((_, i) => `a${i + 1}`);
  const typed = params.map((p) => `${p}${e.type('any')}`);
  out.block(`function ${ctor}(${[...(e.ts ? ['this: any'] : []), ...typed].join(', ')})`, () => {
    model.fields.forEach((field, i) => {
      const assign = write('this', field.name, params[i]!);
      out.line(field.optional && !hasDefault(field) ? `if (${params[i]} !== undefined) ${assign}` : assign);
    });
  });
  out.line(`${ctor}.prototype = ${proto};`);
  out.line('');
  out.block(`function ${parseName}(v${e.type('any')}, c${e.contextType()})${e.type('any')}`, () => e.withDepth(depthLeft(e, model.id), () => {
    for (const validator of before) {
      // Model `before` validators see the raw input, whatever it is.
      out.line(`v = ${callValidator(e, model.id, validator.method, 'v', 'c', undefined, [])};`);
      out.line(`if (v === ${e.helper('INVALID')}) return undefined;`);
    }
    out.block(`if (${notObject(e, 'v')})`, () => {
      out.line(`${e.helper('issue')}(c, "model_type", [], v, { class_name: ${lit(model.name)} });`);
      out.line('return undefined;');
    });
    out.line('const n = c.issues.length;');
    const populate = model.populateByName === true;
    // Computed defaults (`id = crypto.randomUUID()`) come from one new instance of the class, made on first need.
    const template = model.fields.some((f) => f.factory) ? names.numbered('t') : undefined;
    if (template !== undefined) out.line(`let ${template}${e.type('any')};`);
    const outputs = model.fields.map((field) => {
      const mode = fieldMode(field, model.strict, CALL_MODE);
      const factory = field.factory && template !== undefined ? read(`(${template} ??= new ${model.id}())`, field.name) : undefined;
      // A field without validators or a second input key is one line: its value parsed by a shared function.
      const plain = field.validators === undefined && field.fallback === undefined && field.messages === undefined && inputKeysOf(field, populate).length === 1;
      return plain ? emitPlainField(e, out, names, field, mode, factory) : emitField(e, out, names, field, 'v', 'c', [], mode, populate, model.id, factory);
    });
    emitExtraCheck(e, out, names, inputKeys(model.fields, model.populateByName === true), model.extra, 'v', 'c', []);
    out.line('if (c.issues.length !== n) return undefined;');
    const declare = after.length > 0 ? 'let' : 'const';
    const args = outputs.map((x) => x.output).join(', ');
    out.line(`${declare} o = new ${e.ts ? `(${ctor} as any)` : ctor}(${args});`);
    // Kept apart from the instance's properties (stashExtras), where no input key can shadow a member of the class.
    out.line(`if (${allowActive(model.extra, 'c')}) ${e.helper('stashExtras')}(o, v, ${e.keyList(inputKeys(model.fields, model.populateByName === true))});`);
    // For dump({ excludeUnset }): an absent input is what made parse use the default.
    const defaulted = names.numbered('m');
    if (model.fields.some(hasDefault)) out.line(`let ${defaulted}${e.type('string[] | undefined')};`);
    model.fields.forEach((field, i) => {
      if (hasDefault(field)) out.line(`if (${outputs[i]!.input} === undefined) (${defaulted} ??= []).push(${lit(field.name)});`);
    });
    if (model.fields.some(hasDefault)) out.line(`if (${defaulted} !== undefined) ${e.helper('markDefaults')}(o, ${defaulted});`);
    for (const validator of after) {
      out.line(`o = ${callValidator(e, model.id, validator.method, 'o', 'c', undefined, [])};`);
      out.line(`if (o === ${e.helper('INVALID')}) return undefined;`);
    }
    out.line(model.frozen ? 'return Object.freeze(o);' : 'return o;');
  }));
}

/** Emits `function parse_D(v, c) { … }` for a definition (a shared or recursive type): the value, with any issues reported to `c`. */
export function emitParseDefinition(e: EmitContext, out: Lines, definition: DefinitionIR): void {
  const names = e.names.child(LOCALS);
  out.block(`function ${e.fn(definition.id).parse}(v${e.type('any')}, c${e.contextType()})${e.type('any')}`, () => e.withDepth(depthLeft(e, definition.id), () => {
    out.line(`let o${e.type('any')};`);
    out.block('f:', () => emitValue(e, out, names, definition.type, 'v', 'o', { cx: 'c', loc: [], label: 'f', mode: CALL_MODE }));
    out.line('return o;');
  }));
}

/**
 * In the parse of `id`, how deep a check may still go: as many values of recursive types as the model allows
 * less those being parsed around it (`c.stack`, where a recursive type's caller put its input: see
 * recursion.ts), its own input counted once.
 */
function depthLeft(e: EmitContext, id: string): Depth | undefined {
  const recursion = e.recursion(id);
  if (recursion === undefined) return undefined;
  const left = depthLeftIn(e);
  return { input: 'v', cyclic: recursion === 'cyclic', same: recursion === 'cyclic' ? `${left} + 1` : left, other: left };
}

/** How many values of recursive types may still nest around a parse function's input (`c` is its context). */
function depthLeftIn(e: EmitContext): string {
  return `c.maxDepth${e.ts ? '!' : ''} - c.stack${e.ts ? '!' : ''}.length`;
}

/** Parses `v` with the function `call` of a model or definition, entering it first when it is a new value of a recursive type (see `enter`). */
function emitCall(e: EmitContext, out: Lines, id: string, call: string, v: string, dst: string, site: Site): void {
  const enters = e.enters(id, v);
  // The location is built only when the value is refused: the success path allocates nothing for it.
  if (enters) out.line(`if (!${e.helper('enter')}(${site.cx}, ${v})) { ${e.helper('refuse')}(${site.cx}, ${v}, [${site.loc.join(', ')}]); break ${site.label}; }`);
  out.line(`${dst} = ${call}(${v}, ${site.cx});`);
  if (enters) out.line(`${site.cx}.stack${e.ts ? '!' : ''}.pop();`);
}

/**
 * A model's field as one line: `const o1 = v1 === undefined ? <default, absent or missing> : p_3(v1, c, "key")`,
 * where `p_3` parses values of the field's type (`valueParser`). A failure shows in the issue count, which
 * the model checks once after every field.
 */
function emitPlainField(e: EmitContext, out: Lines, names: Names, field: FieldIR, mode: Mode, factory?: string): { input: string; output: string } {
  const input = names.numbered('v');
  const output = names.numbered('o');
  const key = field.validationAlias ?? field.name;
  out.line(`const ${input} = ${read('v', key)};`);
  const absent = factory ?? (field.default !== undefined ? lit(field.default) : field.optional ? 'undefined' : `${e.helper('missing')}(c, ${lit(key)}, v)`);
  const parsed = field.type.kind === 'unknown' ? input : `${valueParser(e, field.type, mode)}(${input}, c, ${lit(key)})`;
  out.line(`const ${output}${e.type('any')} = ${input} === undefined ? ${absent} : ${parsed};`);
  return { input, output };
}

/**
 * The shared function that parses a present value of `node` in `mode` (`(v, c, k)`: issues located under key
 * `k`): one per distinct text in the module, so fields of the same type across models share it.
 */
function valueParser(e: EmitContext, node: TypeNode, mode: Mode): string {
  const out = new Lines();
  const names = e.names.child(LOCALS);
  // Not a recursive type's own function: a recursive value it meets is entered (see recursion.ts).
  const left = depthLeftIn(e);
  const depth: Depth | undefined = reachesRecursion(e, node) ? { input: 'v', cyclic: false, same: left, other: left } : undefined;
  out.block(`function (v${e.type('any')}, c${e.contextType()}, k${e.type('string')})${e.type('any')}`, () =>
    e.withDepth(depth, () => {
      out.line(`let o${e.type('any')};`);
      out.block('f:', () => emitValue(e, out, names, node, 'v', 'o', { cx: 'c', loc: ['k'], label: 'f', mode }));
      out.line('return o;');
    }),
  );
  return e.shared('p', String(out).trimEnd());
}

/** Whether a type names a model or definition whose functions count depth (see recursion.ts). */
function reachesRecursion(e: EmitContext, node: TypeNode): boolean {
  return refsIn(node).some((named) => e.recursion(named.ref) !== undefined);
}

/** Reads, checks and converts one field of `src` into a fresh local; returns the locals of the input and the output. */
function emitField(
  e: EmitContext,
  out: Lines,
  names: Names,
  field: FieldIR,
  src: string,
  cx: string,
  base: readonly string[],
  mode: Mode,
  populateByName = false,
  owner?: string,
  /** The expression of a computed default (`FieldIR.factory`). */
  factory?: string,
): { input: string; output: string } {
  const input = names.numbered('v');
  const output = names.numbered('o');
  const keys = inputKeysOf(field, populateByName);
  const key = keys[0]!;
  const others = keys.slice(1);
  let at = lit(key);
  if (others.length > 0) {
    // The keys in turn (the alias, its choices, with populateByName the name); issues are located at the key the input used.
    at = names.numbered('k');
    out.line(`let ${input} = ${read(src, key)};`);
    out.line(`let ${at} = ${lit(key)};`);
    for (const other of others) out.line(`if (${input} === undefined && (${input} = ${read(src, other)}) !== undefined) ${at} = ${lit(other)};`);
  } else {
    out.line(`${field.validators === undefined ? 'const' : 'let'} ${input} = ${read(src, key)};`);
  }
  const site: Site = { cx, loc: [...base, at], label: names.numbered('f'), mode };
  // A fallback or the field's own messages deal with what the field's code reports after it.
  const mark = field.fallback !== undefined || field.messages !== undefined ? names.numbered('n') : undefined;
  if (mark !== undefined) out.line(`const ${mark} = ${cx}.issues.length;`);
  out.line(`let ${output}${e.type('any')};`);
  out.block(`${site.label}:`, () => {
    if (factory !== undefined) {
      out.line(`if (${input} === undefined) { ${output} = ${factory}; break ${site.label}; }`);
    } else if (field.default !== undefined) {
      // A fresh copy on every parse: the literal is evaluated anew each time.
      out.line(`if (${input} === undefined) { ${output} = ${lit(field.default)}; break ${site.label}; }`);
    } else if (field.optional) {
      out.line(`if (${input} === undefined) break ${site.label};`);
    } else {
      out.line(
        `if (${input} === undefined) { ${e.helper('issue')}(${cx}, "missing", [${site.loc.join(', ')}], ${src}); break ${site.label}; }`,
      );
    }
    const validators = owner === undefined ? [] : (field.validators ?? []);
    for (const validator of validators.filter((x) => x.mode === 'before')) {
      out.line(`${input} = ${callValidator(e, owner!, validator.method, input, cx, field.name, site.loc)};`);
      out.line(`if (${input} === ${e.helper('INVALID')}) break ${site.label};`);
    }
    // The last plain validator declared (a subclass's replaces its base's).
    const plain = validators.filter((x) => x.mode === 'plain').at(-1);
    const wraps = validators.filter((x) => x.mode === 'wrap');
    if (plain !== undefined) {
      // A plain validator is the field's validation: its result is the value, whatever the type says.
      out.line(`${output} = ${callValidator(e, owner!, plain.method, input, cx, field.name, site.loc)};`);
      out.line(`if (${output} === ${e.helper('INVALID')}) break ${site.label};`);
    } else if (wraps.length > 0) {
      // Type validation as a function of its own context, for `next`; each wrap validator around the one before.
      let next = names.numbered('w');
      const [x, c2, o2, label] = [names.numbered('x'), names.numbered('c'), names.numbered('o'), names.numbered('f')];
      out.line(`const ${next} = (${x}${e.type('any')}, ${c2}${e.contextType()})${e.type('any')} => {`).indent(() => {
        out.line(`let ${o2}${e.type('any')};`);
        out.block(`${label}:`, () => emitValue(e, out, names, field.type, x, o2, { cx: c2, loc: [], label, mode: site.mode }));
        out.line(`return ${o2};`);
      });
      out.line('};');
      for (const wrap of wraps.slice(0, -1)) {
        const outer = names.numbered('w');
        const [y, c3] = [names.numbered('x'), names.numbered('c')];
        out.line(
          `const ${outer} = (${y}${e.type('any')}, ${c3}${e.contextType()})${e.type('any')} => ${e.helper('runWrapValidator')}(${c3}, ${owner!}, ${lit(wrap.method)}, ${y}, ${lit(field.name)}, [], ${next});`,
        );
        next = outer;
      }
      const last = wraps[wraps.length - 1]!;
      out.line(`${output} = ${e.helper('runWrapValidator')}(${cx}, ${owner!}, ${lit(last.method)}, ${input}, ${lit(field.name)}, [${site.loc.join(', ')}], ${next});`);
      out.line(`if (${output} === ${e.helper('INVALID')}) break ${site.label};`);
    } else {
      emitValue(e, out, names, field.type, input, output, site);
    }
    // `after` validators run only on a value that passed type validation.
    for (const validator of validators.filter((x) => x.mode === 'after')) {
      out.line(`${output} = ${callValidator(e, owner!, validator.method, output, cx, field.name, site.loc)};`);
      out.line(`if (${output} === ${e.helper('INVALID')}) break ${site.label};`);
    }
  });
  if (field.fallback !== undefined) {
    out.line(`if (${cx}.issues.length !== ${mark}) { ${cx}.issues.length = ${mark}; ${output} = ${lit(field.fallback)}; }`);
  } else if (field.messages !== undefined) {
    out.line(`if (${cx}.issues.length !== ${mark}) ${e.helper('reword')}(${cx}, ${mark}, ${lit(field.messages)});`);
  }
  return { input, output };
}

/** A call of a validator method of model class `model` on `value`, located at `loc`. */
function callValidator(e: EmitContext, model: string, method: string, value: string, cx: string, field: string | undefined, loc: readonly string[]): string {
  return `${e.helper('runValidator')}(${cx}, ${model}, ${lit(method)}, ${value}, ${field === undefined ? 'undefined' : lit(field)}, [${loc.join(', ')}])`;
}

/** Reports keys of `src` that are not fields, when the call's or else the type's policy forbids them. */
function emitExtraCheck(e: EmitContext, out: Lines, names: Names, keys: readonly string[], extra: ExtraPolicy, src: string, cx: string, base: readonly string[]): void {
  // A loop of its own in each model, not a runtime function: one shared by every model's objects would be
  // megamorphic, three times slower on `extra: 'forbid'` calls.
  const k = names.numbered('k');
  out.block(`if (${forbidActive(extra, cx)})`, () => {
    out.block(`for (const ${k} in ${src})`, () => {
      out.line(`if (${notExtra(keys, k, src)}) continue;`);
      out.line(`${e.helper('issue')}(${cx}, "extra_forbidden", [${[...base, k].join(', ')}], ${src}[${k}]);`);
    });
  });
}

/** An expression true when extra keys are forbidden: the call's policy, else the type's. */
function forbidActive(extra: ExtraPolicy, cx: string): string {
  return extra === 'forbid' ? `(${cx}.extra === undefined || ${cx}.extra === "forbid")` : `${cx}.extra === "forbid"`;
}

/** An expression true when extra keys are kept: the call's policy, else the type's. */
function allowActive(extra: ExtraPolicy, cx: string): string {
  return extra === 'allow' ? `(${cx}.extra === undefined || ${cx}.extra === "allow")` : `${cx}.extra === "allow"`;
}

/** The input keys of fields: each validation alias (and with `populateByName` the name too), else the name. */
function inputKeys(fields: readonly FieldIR[], populateByName: boolean): string[] {
  return fields.flatMap((f) => inputKeysOf(f, populateByName));
}

/**
 * Builds a new Set (from a Set or an array) or Map (from a Map, an object, or
 * an array of [key, value] entries). Issues are located by position for a Set,
 * by key for a Map (`[key]` after it for the key itself).
 */
function emitCollection(
  e: EmitContext,
  out: Lines,
  names: Names,
  node: TypeNode & { kind: 'set' | 'map' },
  v: string,
  dst: string,
  site: Site,
): void {
  const issue = e.helper('issue');
  const loc = site.loc.join(', ');
  const mark = names.numbered('n');
  const result = names.numbered('r');
  const element = (type: TypeNode, input: string, at: readonly string[]): string =>
    emitElement(e, out, names, type, input, site, at);
  if (node.kind === 'set') {
    const i = names.numbered('i');
    // Strict mode takes only a Set, but an array when parsing JSON text.
    const strict = strictTest(site, true);
    const notArray = strict === undefined ? `!Array.isArray(${v})` : `(!Array.isArray(${v}) || ${strict})`;
    out.line(`if (!(${v} instanceof Set) && ${notArray}) { ${issue}(${site.cx}, "set_type", [${loc}], ${v}); break ${site.label}; }`);
    out.line(`const ${mark} = ${site.cx}.issues.length;`);
    out.line(`const ${result} = new Set();`);
    out.line(`let ${i} = 0;`);
    const item = names.numbered('v');
    out.block(`for (const ${item} of ${v})`, () => {
      out.line(`if (${item} === undefined && Array.isArray(${v}) && !(${i} in ${v})) { ${holeIssue(e, v, i, site)} }`);
      const value = element(node.items, item, [i]);
      out.line(`${result}.add(${value});`);
      out.line(`${i}++;`);
    });
  } else {
    const entries = names.numbered('p');
    // Strict mode takes only a Map, but an object or entries when parsing JSON text.
    const strict = strictTest(site, true);
    const entriesOf = `${e.helper('mapEntries')}(${v})`;
    out.line(`const ${entries} = ${strict === undefined ? entriesOf : `${v} instanceof Map || !(${strict}) ? ${entriesOf} : undefined`};`);
    out.line(`if (${entries} === undefined) { ${issue}(${site.cx}, "dict_type", [${loc}], ${v}); break ${site.label}; }`);
    out.line(`const ${mark} = ${site.cx}.issues.length;`);
    out.line(`const ${result} = new Map();`);
    const key = names.numbered('v');
    const value = names.numbered('v');
    out.block(`for (const [${key}, ${value}] of ${entries})`, () => {
      const shown = `String(${key})`;
      const k = element(node.key, key, [shown, lit('[key]')]);
      const x = element(node.value, value, [shown]);
      out.line(`${result}.set(${k}, ${x});`);
    });
  }
  out.line(`if (${site.cx}.issues.length !== ${mark}) break ${site.label};`);
  out.line(`${dst} = ${result};`);
}

/**
 * Reports a hole in array `v` at index `i` (`sparse_array`, at the array) and leaves the value: a sparse array
 * is never walked past its first hole, so a huge `length` costs nothing.
 */
function holeIssue(e: EmitContext, v: string, i: string, site: Site): string {
  return `${e.helper('issue')}(${site.cx}, "sparse_array", [${site.loc.join(', ')}], ${v}, { index: ${i} }); break ${site.label};`;
}

/** Builds a new array from a tuple's elements: missing required ones and extra ones are reported. */
function emitTuple(
  e: EmitContext,
  out: Lines,
  names: Names,
  node: TypeNode & { kind: 'tuple' },
  v: string,
  dst: string,
  site: Site,
): void {
  const issue = e.helper('issue');
  const loc = site.loc.join(', ');
  const count = node.elements.length;
  out.line(`if (!Array.isArray(${v})) { ${issue}(${site.cx}, "tuple_type", [${loc}], ${v}); break ${site.label}; }`);
  if (node.rest === undefined) {
    out.line(
      `if (${v}.length > ${count}) { ${issue}(${site.cx}, "too_long", [${loc}], ${v}, { field_type: "Tuple", max_length: ${count}, actual_length: ${v}.length }); break ${site.label}; }`,
    );
  }
  const mark = names.numbered('n');
  const items = names.numbered('a');
  out.line(`const ${mark} = ${site.cx}.issues.length;`);
  out.line(`const ${items}${e.type('any[]')} = [];`);
  const element = (type: TypeNode, index: string): void => {
    const item = names.numbered('v');
    out.line(`const ${item} = ${v}[${index}];`);
    out.line(`if (${item} === undefined && !(${index} in ${v})) { ${holeIssue(e, v, index, site)} }`);
    out.line(`${items}.push(${emitElement(e, out, names, type, item, site, [index])});`);
  };
  node.elements.forEach((type, i) => {
    if (i < node.required) {
      out.line(`if (${v}.length <= ${i}) ${issue}(${site.cx}, "missing", [${[...site.loc, String(i)].join(', ')}], ${v});`);
    }
    out.block(`if (${v}.length > ${i})`, () => element(type, String(i)));
  });
  if (node.rest !== undefined) {
    const rest = node.rest;
    const j = names.numbered('i');
    out.block(`for (let ${j} = ${count}; ${j} < ${v}.length; ${j}++)`, () => element(rest, j));
  }
  out.line(`if (${site.cx}.issues.length !== ${mark}) break ${site.label};`);
  out.line(`${dst} = ${items};`);
}

/** Builds a plain object from an object type's fields; every issue goes to `site`. */
function emitObject(
  e: EmitContext,
  out: Lines,
  names: Names,
  node: TypeNode & { kind: 'object' },
  v: string,
  dst: string,
  site: Site,
): void {
  out.line(
    `if (${notObject(e, v)}) { ${e.helper('issue')}(${site.cx}, "dict_type", [${site.loc.join(', ')}], ${v}); break ${site.label}; }`,
  );
  const mark = names.numbered('n');
  out.line(`const ${mark} = ${site.cx}.issues.length;`);
  const outputs = node.fields.map((field) => emitField(e, out, names, field, v, site.cx, site.loc, fieldMode(field, undefined, site.mode)).output);
  const rest = node.rest === undefined ? undefined : emitRest(e, out, names, node, node.rest, v, site);
  if (rest === undefined) emitExtraCheck(e, out, names, inputKeys(node.fields, false), node.extra, v, site.cx, site.loc);
  out.line(`if (${site.cx}.issues.length !== ${mark}) break ${site.label};`);
  const result = names.numbered('r');
  out.line(`const ${result}${e.type('any')} = {};`);
  node.fields.forEach((field, i) => {
    const value = outputs[i]!;
    const assign = write(result, field.name, value);
    out.line(field.optional ? `if (${value} !== undefined) ${assign}` : assign);
  });
  if (rest === undefined) {
    out.line(`if (${allowActive(node.extra, site.cx)}) ${e.helper('keepExtras')}(${result}, ${v}, ${e.keyList(inputKeys(node.fields, false))});`);
  } else {
    // Keys from input are defined, never assigned: `__proto__` stays data.
    const j = names.numbered('i');
    out.line(
      `for (let ${j} = 0; ${j} < ${rest}.length; ${j} += 2) Object.defineProperty(${result}, ${rest}[${j}], { value: ${rest}[${j} + 1], writable: true, enumerable: true, configurable: true });`,
    );
  }
  out.line(`${dst} = ${result};`);
}

/** Validates the values of the keys that are not fields; returns the local holding key, value, key, value … */
function emitRest(
  e: EmitContext,
  out: Lines,
  names: Names,
  node: TypeNode & { kind: 'object' },
  rest: TypeNode,
  v: string,
  site: Site,
): string {
  const pairs = names.numbered('p');
  const k = names.numbered('k');
  out.line(`const ${pairs}${e.type('any[]')} = [];`);
  out.block(`for (const ${k} in ${v})`, () => {
    out.line(`if (${notExtra(node.fields.map((f) => f.name), k, v)}) continue;`);
    if (node.restKey !== undefined) {
      // A key that is not a template key is an extra key, under the call's or else the type's policy.
      out.block(`if (!${e.patternTest(node.restKey, k)})`, () => {
        const issue = `${e.helper('issue')}(${site.cx}, "extra_forbidden", [${[...site.loc, k].join(', ')}], ${v}[${k}]);`;
        out.line(`if (${forbidActive(node.extra, site.cx)}) ${issue}`);
        out.line(`else if (${allowActive(node.extra, site.cx)}) ${pairs}.push(${k}, ${v}[${k}]);`);
        out.line('continue;');
      });
    }
    const item = names.numbered('v');
    out.line(`const ${item} = ${v}[${k}];`);
    out.line(`${pairs}.push(${k}, ${emitElement(e, out, names, rest, item, site, [k])});`);
  });
  return pairs;
}

/** Parses one element (an item, an entry's key or value) into a fresh local, its issues located at `at` below `site`. */
function emitElement(
  e: EmitContext,
  out: Lines,
  names: Names,
  type: TypeNode,
  input: string,
  site: Site,
  at: readonly string[],
): string {
  const output = names.numbered('o');
  const inner: Site = { cx: site.cx, loc: [...site.loc, ...at], label: names.numbered('f'), mode: site.mode };
  out.line(`let ${output}${e.type('any')};`);
  out.block(`${inner.label}:`, () => emitValue(e, out, names, type, input, output, inner));
  return output;
}

/** Emits statements that assign `dst` from `v`, or report one issue and `break site.label`. */
export function emitValue(e: EmitContext, out: Lines, names: Names, node: TypeNode, v: string, dst: string, site: Site): void {
  const fail = (type: string, ctx?: string): string =>
    `{ ${e.helper('issue')}(${site.cx}, "${type}", [${site.loc.join(', ')}], ${v}${ctx === undefined ? '' : `, ${ctx}`}); break ${site.label}; }`;
  switch (node.kind) {
    case 'string': {
      const strict = strictTest(site);
      let x = v;
      if (site.mode.numbersToStr && strict !== 'true') {
        // coerceNumbersToStr: a number (or bigint) becomes its decimal text in lax mode.
        x = names.numbered('x');
        const refuse = [...(strict === undefined ? [] : [strict]), `(typeof ${x} !== "number" && typeof ${x} !== "bigint")`].join(' || ');
        out.line(`let ${x} = ${v};`);
        out.line(`if (typeof ${x} !== "string") { if (${refuse}) ${fail('string_type')} ${x} = String(${x}); }`);
      } else {
        out.line(`if (typeof ${v} !== "string") ${fail('string_type')}`);
      }
      for (const c of node.constraints) {
        const failed = stringFails(e, c, x);
        switch (c.kind) {
          case 'minLength':
            out.line(`if (${failed}) ${fail('string_too_short', `{ min_length: ${c.value} }`)}`);
            break;
          case 'maxLength':
            out.line(`if (${failed}) ${fail('string_too_long', `{ max_length: ${c.value} }`)}`);
            break;
          case 'pattern': {
            const shown = c.flags === '' ? c.source : `/${c.source}/${c.flags}`;
            // A template literal type's matcher is linear and cannot fail otherwise: no overflow to tell apart.
            if (c.templates !== undefined) out.line(`if (${failed}) ${fail('string_pattern_mismatch', `{ pattern: ${lit(shown)} }`)}`);
            else out.line(`if (!${e.helper('patternOk')}(${site.cx}, ${e.regex(c.source, c.flags)}, ${x}, [${site.loc.join(', ')}], ${lit(shown)})) break ${site.label};`);
            break;
          }
          case 'format':
            out.line(
              `if (${failed}) { ${formatIssue(e, c.format, site.cx, `[${site.loc.join(', ')}]`, x)}; break ${site.label}; }`,
            );
            break;
          case 'after':
          case 'from':
          case 'before':
          case 'until':
          case 'past':
          case 'future': {
            const [type, ctx] = dateIssue(c, true);
            out.line(`if (${failed}) ${fail(type, ctx)}`);
            break;
          }
          default:
            assertNever(c);
        }
      }
      out.line(`${dst} = ${x};`);
      return;
    }
    case 'number': {
      const int = node.constraints.some((c) => c.kind === 'int');
      const x = emitLax(e, out, names, `typeof ${v} !== "number"`, int ? 'laxInt' : 'laxNumber', int ? 'int_type' : 'float_type', v, site);
      // Strict mode takes no float for an integer, not even NaN or a fractional one: `int_type`, as pydantic.
      const strict = int ? strictTest(site) : undefined;
      const notInt = (lax: string): string =>
        strict === undefined ? lax : strict === 'true' ? 'int_type' : `${strict} ? "int_type" : "${lax}"`;
      const failAs = (type: string): string =>
        type.includes('"') ? `{ ${e.helper('issue')}(${site.cx}, ${type}, [${site.loc.join(', ')}], ${v}); break ${site.label}; }` : fail(type);
      out.line(`if (!Number.isFinite(${x})) ${failAs(notInt('finite_number'))}`);
      for (const c of node.constraints) {
        if (c.kind === 'int') {
          out.line(`if (${numberFails(e, c, x)}) ${failAs(notInt('int_from_float'))}`);
          continue;
        }
        const [type, ctx] =
          c.kind === 'multipleOf'
              ? ['multiple_of', `{ multiple_of: ${lit(c.value)} }`]
              : [NUMBER_ERRORS[c.kind], `{ ${c.kind}: ${lit(c.value)} }`];
        out.line(`if (${numberFails(e, c, x)}) ${fail(type, ctx)}`);
      }
      out.line(`${dst} = ${x};`);
      return;
    }
    case 'boolean':
      out.line(`${dst} = ${emitLax(e, out, names, `typeof ${v} !== "boolean"`, 'laxBoolean', 'bool_type', v, site)};`);
      return;
    case 'unknown':
      out.line(`${dst} = ${v};`);
      return;
    case 'nonNullish':
      out.line(`if (${v} === null || ${v} === undefined) ${fail('none_forbidden')}`);
      out.line(`${dst} = ${v};`);
      return;
    case 'nonPrimitive':
      out.line(`if (${nonPrimitiveFails(v)}) ${fail('object_type')}`);
      out.line(`${dst} = ${v};`);
      return;
    case 'bigint':
      // JSON has no bigint: parsing JSON text converts integral numbers and integer strings even in strict mode.
      out.line(`${dst} = ${emitLax(e, out, names, `typeof ${v} !== "bigint"`, 'laxBigint', 'int_type', v, site, true)};`);
      return;
    case 'null':
      out.line(`if (${v} !== null) ${fail('none_required')}`);
      out.line(`${dst} = null;`);
      return;
    case 'undefined':
      out.line(`if (${v} !== undefined) ${fail('undefined_required')}`);
      out.line(`${dst} = undefined;`);
      return;
    case 'literal':
      out.line(`if (${literalFails(e, node.values, v)}) ${fail(node.enum ? 'enum' : 'literal_error', `{ expected: ${lit(expectedText(node.values))} }`)}`);
      out.line(`${dst} = ${v};`);
      return;
    case 'date': {
      const t = names.numbered('t');
      out.line(`if (${v} instanceof Date) {`).indent(() => {
        out.line(`const ${t} = ${e.helper('timeOf')}(${v});`);
        out.line(`if (Number.isNaN(${t})) ${fail('datetime_parsing', `{ error: ${e.helper('timeError')}(${v}) }`)}`);
        out.line(`${dst} = new Date(${t});`);
      });
      out.line('} else {').indent(() => {
        // Lax: strings and unix timestamps; strict: Date objects only, but strings when parsing JSON text.
        const strict = strictTest(site);
        const strings = strict === undefined ? 'true' : site.mode.strict === 'strict' ? `${site.cx}.json === true` : `!(${strict}) || ${site.cx}.json === true`;
        const numbers = strict === undefined ? 'true' : site.mode.strict === 'strict' ? 'false' : `!(${strict})`;
        out.line(`const ${t} = ${e.helper('laxTime')}(${v}, ${strings}, ${numbers});`);
        out.line(
          `if (typeof ${t} !== "number") { ${e.helper('issue')}(${site.cx}, ${t}.type, [${site.loc.join(', ')}], ${v}, ${t}.error === undefined ? undefined : { error: ${t}.error }); break ${site.label}; }`,
        );
        out.line(`${dst} = new Date(${t});`);
      });
      out.line('}');
      // Bounds, Past and Future on the parsed instant (the input is what the issue shows).
      for (const c of node.constraints ?? []) {
        const [type, ctx] = dateIssue(c);
        out.line(`if (${dateFails(c, `${dst}.getTime()`)}) ${fail(type, ctx)}`);
      }
      return;
    }
    case 'regexp':
    case 'bytes': {
      // A copy (a RegExp's lastIndex is state; a Buffer becomes a plain Uint8Array, and a detached or imitation
      // one is refused), or where strings may stand for one, the string read as a pattern or as base64.
      const strict = strictTest(site, true);
      const strings = strict === undefined ? 'true' : strict === 'true' ? 'false' : `!(${strict})`;
      const args = `${site.cx}, ${v}, [${site.loc.join(', ')}], ${strings}`;
      if (node.kind === 'regexp') {
        out.line(`if (${v} instanceof RegExp) ${dst} = new RegExp(${v});`);
        out.line(`else if ((${dst} = ${e.helper('laxPattern')}(${args})) === ${e.helper('INVALID')}) break ${site.label};`);
      } else {
        out.line(`if ((${dst} = ${e.helper('laxBytes')}(${args})) === ${e.helper('INVALID')}) break ${site.label};`);
        // Length bounds count the bytes read (the input is what the issue shows, as for strings).
        for (const c of node.constraints ?? []) {
          out.line(`if (${bytesFails(c, dst)}) ${c.kind === 'minLength' ? fail('bytes_too_short', `{ min_length: ${c.value} }`) : fail('bytes_too_long', `{ max_length: ${c.value} }`)}`);
        }
      }
      return;
    }
    case 'array':
      emitArray(e, out, names, node, v, dst, site);
      return;
    case 'model': {
      const mark = names.numbered('n');
      out.line(`const ${mark} = ${site.cx}.issues.length;`);
      emitCall(e, out, node.ref, e.fn(node.ref).parse, v, dst, site);
      out.line(`if (${dst} === undefined) { ${e.helper('prefix')}(${site.cx}, ${mark}, ${site.loc.join(', ')}); break ${site.label}; }`);
      return;
    }
    case 'ref': {
      // A definition's value may itself be undefined: failure shows in the issue count.
      const mark = names.numbered('n');
      out.line(`const ${mark} = ${site.cx}.issues.length;`);
      emitCall(e, out, node.ref, e.fn(node.ref).parse, v, dst, site);
      const relocate = site.loc.length === 0 ? '' : `${e.helper('prefix')}(${site.cx}, ${mark}, ${site.loc.join(', ')}); `;
      out.line(`if (${site.cx}.issues.length !== ${mark}) { ${relocate}break ${site.label}; }`);
      return;
    }
    case 'nullable':
      out.line(`if (${v} === null) { ${dst} = null; break ${site.label}; }`);
      emitValue(e, out, names, node.type, v, dst, site);
      return;
    case 'secret': {
      // The value is parsed in a block of its own, so its issues can be masked whatever way it fails.
      const mark = names.numbered('n');
      const raw = names.numbered('s');
      out.line(`const ${mark} = ${site.cx}.issues.length;`);
      out.line(`const ${raw} = ${e.helper('revealed')}(${v});`);
      const value = emitElement(e, out, names, node.type, raw, site, []);
      out.line(`if (${site.cx}.issues.length !== ${mark}) { ${e.helper('maskIssues')}(${site.cx}, ${mark}); break ${site.label}; }`);
      out.line(`${dst} = new ${e.helper('Secret')}(${value});`);
      return;
    }
    case 'object':
      emitObject(e, out, names, node, v, dst, site);
      return;
    case 'tuple':
      emitTuple(e, out, names, node, v, dst, site);
      return;
    case 'set':
    case 'map':
      emitCollection(e, out, names, node, v, dst, site);
      return;
    case 'union':
      if (node.discriminator !== undefined) emitTagged(e, out, names, node, v, dst, site);
      else emitUnion(e, out, names, node.members, v, dst, site);
      return;
    default:
      assertNever(node);
  }
}

/**
 * Emits the exact type test of a scalar with its lax fallback: when `mismatch`
 * holds, strict mode reports `typeError`, lax mode converts with the runtime's
 * `convert` (reporting the error type it returns). Returns the local holding
 * the value, or `v` itself when the mode allows no conversion.
 */
function emitLax(
  e: EmitContext,
  out: Lines,
  names: Names,
  mismatch: string,
  convert: 'laxNumber' | 'laxInt' | 'laxBoolean' | 'laxBigint',
  typeError: string,
  v: string,
  site: Site,
  jsonToo = false,
): string {
  const loc = site.loc.join(', ');
  const typeIssue = `{ ${e.helper('issue')}(${site.cx}, "${typeError}", [${loc}], ${v}); break ${site.label}; }`;
  const strict = strictTest(site, jsonToo);
  if (strict === 'true') {
    out.line(`if (${mismatch}) ${typeIssue}`);
    return v;
  }
  const x = names.numbered('x');
  // The conversion and its issues live in the runtime's `lax`: one line here, off the fast path.
  const call = `${e.helper('lax')}(${site.cx}, ${strict ?? 'false'}, ${e.helper(convert)}, "${typeError}", ${v}, [${loc}])`;
  out.line(`let ${x} = ${v};`);
  out.line(`if (${mismatch} && (${x} = ${call}) === ${e.helper('INVALID')}) break ${site.label};`);
  return x;
}

const NUMBER_ERRORS = { le: 'less_than_equal', lt: 'less_than', ge: 'greater_than_equal', gt: 'greater_than' } as const;

function emitArray(
  e: EmitContext,
  out: Lines,
  names: Names,
  node: TypeNode & { kind: 'array' },
  v: string,
  dst: string,
  site: Site,
): void {
  const loc = site.loc.join(', ');
  out.line(`if (!Array.isArray(${v})) { ${e.helper('issue')}(${site.cx}, "list_type", [${loc}], ${v}); break ${site.label}; }`);
  for (const c of node.constraints) {
    // Too many items is reported before any is parsed, so a huge input costs nothing more.
    if (c.kind !== 'maxItems') continue;
    out.line(
      `if (${v}.length > ${c.value}) { ${e.helper('issue')}(${site.cx}, "too_long", [${loc}], ${v}, { field_type: "List", max_length: ${c.value}, actual_length: ${v}.length }); break ${site.label}; }`,
    );
  }
  const mark = names.numbered('n');
  const items = names.numbered('a');
  const i = names.numbered('i');
  out.line(`const ${mark} = ${site.cx}.issues.length;`);
  // Allocated at its final length and filled by index: faster than growing it with push.
  out.line(`const ${items}${e.type('any[]')} = new Array(${v}.length);`);
  out.block(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++)`, () => {
    const item = names.numbered('v');
    out.line(`const ${item} = ${v}[${i}];`);
    out.line(`if (${item} === undefined && !(${i} in ${v})) { ${holeIssue(e, v, i, site)} }`);
    out.line(`${items}[${i}] = ${emitElement(e, out, names, node.items, item, site, [i])};`);
  });
  out.line(`if (${site.cx}.issues.length !== ${mark}) break ${site.label};`);
  for (const c of node.constraints) {
    if (c.kind !== 'minItems') continue;
    out.line(
      `if (${items}.length < ${c.value}) { ${e.helper('issue')}(${site.cx}, "too_short", [${loc}], ${v}, { field_type: "List", min_length: ${c.value}, actual_length: ${items}.length }); break ${site.label}; }`,
    );
  }
  out.line(`${dst} = ${items};`);
}
