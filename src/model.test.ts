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
  });

  it('says when the class lacks @model()', () => {
    class Bare extends Model {}
    expect(() => Bare.parse({})).toThrow('Bare is not a model: decorate it with @model() and run `npx tydantic generate`');
  });

  it('refuses @model() on something that is not a class', () => {
    expect(() => (model() as unknown as (v: unknown) => void)({})).toThrow('@model() decorates classes only');
  });
});
