/** The cases as TypeBox schemas: TypeBox compiles them, and ajv takes them as the JSON Schema they are. */
import { Type, type TSchema } from '@sinclair/typebox';
import type { CaseId } from '../data';

/** The schema of each case (the company's stands for case (e)); `strict` forbids undeclared keys at every level. */
export function schemas(strict: boolean): Record<Exclude<CaseId, 'errors'>, TSchema> {
  const options = strict ? { additionalProperties: false } : {};
  const location = Type.Object({ lat: Type.Number(), lng: Type.Number(), city: Type.String() }, options);
  const flat = Type.Object(
    {
      id: Type.Number(),
      name: Type.String(),
      age: Type.Number(),
      active: Type.Boolean(),
      score: Type.Number(),
      nickname: Type.String(),
      verified: Type.Boolean(),
      location,
    },
    options,
  );
  const day = Type.String({ format: 'date' });
  const employee = Type.Object(
    {
      id: Type.Number(),
      name: Type.String(),
      email: Type.Optional(Type.String()),
      hiredAt: day,
      title: Type.Optional(Type.String()),
      active: Type.Boolean(),
    },
    options,
  );
  const department = Type.Object(
    { name: Type.String(), budget: Type.Number(), manager: Type.Optional(employee), employees: Type.Array(employee) },
    options,
  );
  const company = Type.Object(
    { name: Type.String(), founded: day, website: Type.Optional(Type.String()), departments: Type.Array(department) },
    options,
  );
  const tree = Type.Recursive(
    (node) => Type.Object({ id: Type.Number(), label: Type.String(), children: Type.Array(node) }, options),
    { $id: strict ? 'TreeStrict' : 'Tree' },
  );
  const shape = Type.Union([
    Type.Object({ kind: Type.Literal('circle'), radius: Type.Number() }, options),
    Type.Object({ kind: Type.Literal('square'), size: Type.Number() }, options),
    Type.Object({ kind: Type.Literal('rect'), width: Type.Number(), height: Type.Number() }, options),
    Type.Object({ kind: Type.Literal('triangle'), a: Type.Number(), b: Type.Number(), c: Type.Number() }, options),
  ]);
  return {
    flat,
    company,
    tree,
    union: Type.Object({ shapes: Type.Array(shape) }, options),
    throughput: Type.Object({ items: Type.Array(flat) }, options),
  };
}
