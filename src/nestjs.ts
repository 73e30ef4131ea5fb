/**
 * `tydantic/nestjs`: a NestJS pipe that parses route arguments into models and answers a request that fails
 * with 422 and FastAPI's body.
 *
 * ```ts
 * @Post() create(@Body(new ModelPipe(CreateOrder)) order: CreateOrder) { … }
 * app.useGlobalPipes(new ModelPipe()); // every argument whose declared type is a model (emitDecoratorMetadata)
 * ```
 */
import { type ArgumentMetadata, type PipeTransform, UnprocessableEntityException } from '@nestjs/common';
import type { Model, ParseOptions } from './model';
import { errorBody, type ModelClass, parsePart, type RequestPart } from './http';

export { errorBody, type HttpIssue, type HttpValidationError, type RequestPart } from './http';

const PARTS: { readonly [type: string]: RequestPart } = { body: 'body', query: 'query', param: 'path' };

const isModel = (value: unknown): value is ModelClass => typeof value === 'function' && Object.hasOwn(value, '~standard');

/**
 * Parses a route argument into `model`, or into the argument's declared type when that is a model class
 * (Nest reads it from `emitDecoratorMetadata`). `@Body()` is reported under `body`, `@Query()` under
 * `query`, `@Param()` under `path`; a single key (`@Query('page')`) is validated as the whole part would not
 * be, so give the model the whole part. Arguments without a model pass through unchanged.
 */
export class ModelPipe<T extends Model = Model> implements PipeTransform<unknown, T | unknown> {
  readonly #model: ModelClass<T> | undefined;
  readonly #options: ParseOptions | undefined;

  constructor(model?: ModelClass<T>, options?: { parse?: ParseOptions }) {
    this.#model = model;
    this.#options = options?.parse;
  }

  transform(value: unknown, metadata: ArgumentMetadata): T | unknown {
    const model = this.#model ?? (isModel(metadata.metatype) ? (metadata.metatype as ModelClass<T>) : undefined);
    if (model === undefined) return value;
    const part = PARTS[metadata.type] ?? 'body';
    const result = parsePart(model, part, value, this.#options);
    if (!result.success) throw new UnprocessableEntityException(errorBody(result.error, part));
    return result.data;
  }
}
