export { Model, link, linkTemplate, type Compiled, type Data, type ParseOptions, type SafeParseResult } from './model';
export { model, field, type ModelOptions, type FieldOptions, type ModelDecorator, type FieldDecorator } from './decorators';
export { openApiComponents, type JsonSchemaObject, type JsonSchemaOptions, type JsonSchemaTarget, type SchemaData, type StandardJsonSchema } from './json-schema';
export { ValidationError, formatIssues, type Issue, type Loc } from './errors';
export { messageTemplates, renderMessage, type ErrorType, type ErrorContexts } from './messages';
// For generated code only: not part of the supported API.
export { issue, prefix, adopt, isMultipleOf, dumpValue, formatIssue, timeOf, fieldsSet, tagText, mapEntries, type ParseContext } from './runtime';
export { isEmail, isUrl, isUuid, isIPv4, isIPv6, isDateString, formatError, type StringFormat, type FormatError } from './formats/strings';
export { parseDateTime, type DateTimeError } from './formats/datetime';
export type * from './brands';
