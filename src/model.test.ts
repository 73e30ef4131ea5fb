import { describe, expect, it } from 'vitest';
import { model } from './decorators';
import { Model } from './model';

describe('a model without generated code', () => {
  it('names the model and the command to run', () => {
    @model()
    class Orphan extends Model {
      name!: string;
    }
    const hint =
      'Orphan has no validator loaded: run `npx tydantic generate` and import the generated module (tydantic.gen) once at startup, before Orphan is used';
    expect(() => Orphan.parse({})).toThrow(hint);
    expect(() => Orphan.safeParse({})).toThrow(hint);
    expect(() => Orphan.is({})).toThrow(hint);
    expect(() => new Orphan().toJSON()).toThrow(hint);
    expect(() => new Orphan().dump()).toThrow(hint);
    expect(() => new Orphan().dumpJSON()).toThrow(hint);
    expect(() => new Orphan().copy()).toThrow(hint);
    expect(() => Orphan.construct({ name: 'a' })).toThrow(hint);
  });

  it('types construct and copy by the model: fields only, the class back', () => {
    @model()
    class Typed extends Model {
      name!: string;
      tags: string[] = [];
    }
    // Types only: these calls are never made.
    const check = (x: Typed): Typed[] => [
      Typed.construct({ name: 'a' }),
      x.copy({ tags: [] }, { deep: true }),
      // @ts-expect-error: not a field
      Typed.construct({ nope: 1 }),
      // @ts-expect-error: a field of another type
      x.copy({ name: 1 }),
    ];
    expect(typeof check).toBe('function');
  });

  it('says when the class lacks @model()', () => {
    class Bare extends Model {}
    expect(() => Bare.parse({})).toThrow('Bare is not a model: decorate it with @model() and run `npx tydantic generate`');
  });

  it('refuses @model() on something that is not a class', () => {
    expect(() => (model() as unknown as (v: unknown) => void)({})).toThrow('@model() decorates classes only');
  });
});
