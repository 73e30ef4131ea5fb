/**
 * Instances built without validation (`M.construct`, `instance.copy`) need no
 * code per model: the link hands the runtime's `instances` the prototype, the
 * field names, the defaults as data and two flags, and it returns both
 * functions. (They were generated per model; for a large project that was a
 * sixth of the module, read at every start-up, for two rarely hot paths.)
 */
import type { ModelIR } from '../ir';
import { lit } from './code';
import type { EmitContext } from './context';

/** The `construct` and `copy` properties of a model's link: a spread of `instances(…)`. */
export function instancesOf(e: EmitContext, model: ModelIR): string {
  const keys = e.keyList(model.fields.map((f) => f.name));
  const defaults = model.fields.filter((f) => f.default !== undefined).map((f) => `[${lit(f.name)}, ${lit(f.default!)}]`);
  // 1: extras kept, 2: frozen (src/copy.ts)
  const flags = (model.extra === 'allow' ? 1 : 0) | (model.frozen === true ? 2 : 0);
  // Computed defaults: construct takes them from a new instance of the class.
  const factories = model.fields.filter((f) => f.factory).map((f) => lit(f.name));
  return `...${e.helper('instances')}(${e.fn(model.id).proto}, ${keys}, [${defaults.join(', ')}], ${flags}${factories.length === 0 ? '' : `, [${factories.join(', ')}]`})`;
}
