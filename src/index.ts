// The public API of the runtime. Generated modules import their helpers from `tydantic/internal`.
export { Model, type Data, type ParseOptions, type SafeParseResult } from './model';
export type { DumpOptions, DumpJSONOptions, Selection } from './dump';
export {
  model,
  field,
  computed,
  fieldValidator,
  modelValidator,
  type ModelOptions,
  type FieldOptions,
  type ModelDecorator,
  type FieldDecorator,
  type ComputedOptions,
  type ComputedDecorator,
  type ValidatorOptions,
  type ValidationInfo,
  type FieldValidatorDecorator,
  type ModelValidatorDecorator,
  fieldSerializer,
  type FieldSerializerDecorator,
  type SerializerOptions,
  type SerializationInfo,
} from './decorators';
export { openApiComponents, type JsonSchemaObject, type JsonSchemaOptions, type JsonSchemaTarget, type SchemaData } from './json-schema';
export type { Input, InputOf, ModelInputs, Output, Standard, StandardIssue, StandardOptions, StandardProps, StandardResult, StandardSchemaV1 } from './standard';
export { ValidationError, formatIssues, type Issue, type Loc } from './errors';
export { extrasOf, setRegexEngine, type Matcher, type RegexEngine } from './runtime';
export { messageTemplates, renderMessage, setMessages, type ErrorType, type ErrorContexts, type MessageOverrides } from './messages';
export type * from './brands';
export { Secret } from './secret';
export { durationMs } from './formats/duration';
export { validator, type Validator, type ValidatorFactory } from './validator';
export { errorBody, multiValues, parsePart, type HttpIssue, type HttpValidationError, type ModelClass, type MultiValues, type RequestPart } from './http';
export { openApiDocument, type HttpMethod, type OpenApiDocumentOptions, type Route, type RouteResponse } from './openapi';
