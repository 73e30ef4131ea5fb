/**
 * One block of the generated module per model (check, parse, build, dump),
 * and a cache of them for `--watch`. Most of the module's emit time goes to
 * these blocks, and after a one-file edit almost all of them come out the
 * same: the cache keeps each block's text with what it depended on
 * (`BlockLog`), and reuses it while all of that holds, so the module is the
 * one a fresh run writes, byte for byte.
 */
import type { DefinitionIR, ModelIR, ProjectIR } from '../ir';
import { buildable, buildableId, emitBuild } from './build';
import { emitIs } from './check';
import { comment, Lines } from './code';
import type { BlockLog, EmitContext } from './context';
import { emitDump } from './dump';
import { emitParse } from './parse';
import { SchemaTexts } from './schema-data';

/** A model's block as recorded: its text with placeholders for hoisted constants, and its log. */
interface Block {
  /** The model it was emitted from. */
  readonly model: ModelIR;
  /** The text split at the placeholders: the constants' indexes in `log.constants` sit at the odd positions. */
  readonly parts: readonly string[];
  readonly log: BlockLog;
  /** The text as last placed, with the constants' names it was placed with. */
  placed?: { readonly names: string; readonly text: string };
}

/** Blocks kept from one module to the next (one cache per `Generator`), and the models' schema texts. */
export class BlockCache {
  private blocks = new Map<string, Block>();
  /** Each model's schema texts, which do not depend on names: kept also when the ids change. */
  readonly schemas = new SchemaTexts();
  /** The names every block of the last module was written with: the model and definition ids, and the language. */
  private names: string | undefined;
  /** Each IR object's JSON text, to tell an unchanged model from a changed one when extraction made it anew. */
  private readonly json = new WeakMap<object, string>();
  /** How many blocks of the last module were reused. */
  reused = 0;

  /** Readies the cache for module `e` of `ir`: every block is dropped when its names could differ (see `EmitContext`). */
  begin(e: EmitContext, ir: ProjectIR): void {
    // The context names every function from the ids alone, in this order. A block's locals (a letter and a
    // counter) avoid those names and the ids; they never meet a constant's (a base, `_` and a counter), the only
    // names that differ from one module of the same ids to the next.
    const names = JSON.stringify([e.ts, ir.models.map((m) => m.id), ir.definitions.map((d) => d.id)]);
    if (names !== this.names) this.blocks = new Map();
    this.names = names;
    this.reused = 0;
  }

  /** The block of `model` in module `e`: the one kept when it still holds, else a new one, kept for next time. */
  block(e: EmitContext, model: ModelIR): string {
    let block = this.blocks.get(model.id);
    if (block === undefined || !this.holds(e, model, block)) {
      block = recordBlock(e, model);
      this.blocks.set(model.id, block);
    } else {
      this.reused++;
    }
    return placeBlock(e, block);
  }

  /** Whether `block` is what `model` gets in `e`: the model and everything the block looked at are as they were. */
  private holds(e: EmitContext, model: ModelIR, block: Block): boolean {
    const { log } = block;
    if (log.whole || !this.same(model, block.model)) return false;
    for (const [id, was] of log.models) if (!this.same(e.models.get(id), was)) return false;
    for (const [id, was] of log.definitions) if (!this.same(e.definitions.get(id), was)) return false;
    for (const [id, was] of log.buildable) if (buildableId(e, id) !== was) return false;
    for (const [id, was] of log.recursion) if (e.recursion(id) !== was) return false;
    return true;
  }

  private same(a: ModelIR | DefinitionIR | undefined, b: ModelIR | DefinitionIR | undefined): boolean {
    // Extraction keeps the IR of a model it did not redo: usually the very same object.
    if (a === b) return true;
    if (a === undefined || b === undefined) return false;
    return this.text(a) === this.text(b);
  }

  private text(ir: ModelIR | DefinitionIR): string {
    let text = this.json.get(ir);
    if (text === undefined) this.json.set(ir, (text = JSON.stringify(ir)));
    return text;
  }
}

/** The block of `model` in module `e`, emitted afresh (what every block is without a cache). */
export function modelBlock(e: EmitContext, model: ModelIR): string {
  return placeBlock(e, recordBlock(e, model));
}

function recordBlock(e: EmitContext, model: ModelIR): Block {
  const out = new Lines();
  const log = e.record(() => emitModel(e, out, model));
  // `\0` occurs only in placeholders: `lit` escapes it, identifiers and our own text have none.
  return { model, parts: String(out).split('\0'), log };
}

/** The block's text in `e`, its constants declared and its helpers imported there. */
function placeBlock(e: EmitContext, block: Block): string {
  const names = e.replay(block.log);
  const key = names.join(' ');
  // Unless an edit before it adds or drops a constant, a block's constants keep their names from one module to the next.
  if (block.placed?.names !== key) {
    const { model } = block;
    // The heading holds user text (the file's path, which may hold any character): it is no part of the template.
    const heading = comment(`${model.name}: ${model.loc.file}:${model.loc.line}`);
    const body = block.parts.map((part, i) => (i % 2 === 0 ? part : constantName(names, part))).join('');
    block.placed = { names: key, text: `${heading}\n${body}` };
  }
  return block.placed.text;
}

function constantName(names: readonly string[], placeholder: string): string {
  const name = names[Number(placeholder)];
  if (name === undefined) throw new Error(`no constant for placeholder ${JSON.stringify(placeholder)}`);
  return name;
}

/** Writes a model's prototype constant and functions, each followed by an empty line. */
function emitModel(e: EmitContext, out: Lines, model: ModelIR): void {
  const { proto } = e.fn(model.id);
  // A validator has no class: the values its parse builds hold the value under a plain prototype.
  out.line(`const ${proto} = ${model.validator ? 'Object.prototype' : `${model.id}.prototype`};`);
  out.line('');
  emitIs(e, out, model);
  out.line('');
  emitParse(e, out, model);
  out.line('');
  if (buildable(e, model)) {
    emitBuild(e, out, model);
    out.line('');
  }
  emitDump(e, out, model);
  out.line('');
}
