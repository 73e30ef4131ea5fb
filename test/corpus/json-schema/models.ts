/**
 * Real-world types corpus: JSON Schema documents, typed by @types/json-schema.
 *
 * `JSONSchema7` is a large recursive interface (`JSONSchema7Definition = JSONSchema7 | boolean`);
 * `JSONSchema4` has a `[k: string]: any` index signature. Samples: metaschemas and schemas
 * shipped in node_modules (ajv, ajv-draft-04, @seriousme/openapi-schema-validator, tsup).
 */
import { Model, model } from 'tydantic';
import type { JSONSchema4, JSONSchema6, JSONSchema7, JSONSchema7Definition } from 'json-schema';

/** A draft-07 schema. */
@model()
export class Draft7Schema extends Model {
  schema!: JSONSchema7;
}

/** A draft-07 schema or a boolean schema. */
@model()
export class Draft7Definition extends Model {
  definition!: JSONSchema7Definition;
}

/** A draft-06 schema. */
@model()
export class Draft6Schema extends Model {
  schema!: JSONSchema6;
}

/** A draft-04 schema. */
@model()
export class Draft4Schema extends Model {
  schema!: JSONSchema4;
}
