export { Model, link, linkTemplate, unfit, unlinked, type Compiled, type Data, type ParseOptions, type SafeParseResult } from './model';
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
} from './decorators';
export { openApiComponents, type JsonSchemaObject, type JsonSchemaOptions, type JsonSchemaTarget, type SchemaData, type StandardJsonSchema } from './json-schema';
export { ValidationError, formatIssues, type Issue, type Loc } from './errors';
export { extrasOf, setRegexEngine, type Matcher, type RegexEngine } from './runtime';
export { messageTemplates, renderMessage, setMessages, useMessages, type ErrorType, type ErrorContexts, type MessageOverrides } from './messages';
// For generated code only: not part of the supported API.
export { lax, laxPattern, issue, missing, enter, refuse, prefix, adopt, trial, keepExtras, userPattern, stashExtras, copyExtras, builtin, isoOf, matches, patternOk, timeError, dumpExtras, runValidator, INVALID, isMultipleOf, dumpValue, cloneValue, emailIssue, timeOf, fieldsSet, tagText, mapEntries, type ParseContext } from './runtime';
export { isEmail, isUrl, isUuid, isIPv4, isIPv6, isDateString, formatError, emailReason, urlReason, uuidReason, dateReason, type StringFormat, type FormatError } from './formats/strings';
export { parseDateTime, type DateTimeError } from './formats/datetime';
export { isTemplate } from './formats/template';
export { instances } from './copy';
export { laxNumber, laxInt, laxBoolean, laxBigint, laxTime } from './coerce';
export { dumpKeep, dumpSub, dumpItems, dumpMap, isDefault, markDefaults, defaultedOf, copyMarks, type DumpContext, type Tree } from './dump';
export type * from './brands';
