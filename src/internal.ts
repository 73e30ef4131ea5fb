// `tydantic/internal`: the helpers generated modules call. Not a supported API: names and
// signatures change with the compiler that emits the calls, which is released with the runtime.
export { link, linkTemplate, unfit, unlinked, type Compiled } from './model';
export { useMessages } from './messages';
export { lax, laxPattern, laxBytes, isBytes, dumpBytes, issue, missing, enter, refuse, prefix, adopt, trial, keepExtras, userPattern, stashExtras, copyExtras, builtin, isoOf, matches, patternOk, timeError, dumpExtras, runValidator, runWrapValidator, INVALID, isMultipleOf, dumpValue, cloneValue, emailIssue, timeOf, fieldsSet, tagText, mapEntries, maskIssues, httpUrlIssue, reword, runSerializer, type ParseContext } from './runtime';
export { Secret, revealed, MASK } from './secret';
export { linkValidator } from './validator';
export { isEmail, isUrl, isHttpUrl, httpUrlError, isUuid, isIPv4, isIPv6, isDateString, isTimeString, isDuration, isIPv4Network, isIPv6Network, isIPv4Interface, isIPv6Interface, formatError, emailReason, urlReason, uuidReason, dateReason, timeReason, durationReason, type StringFormat, type FormatError } from './formats/strings';
export { parseDateTime, type DateTimeError } from './formats/datetime';
export { isTemplate } from './formats/template';
export { instances } from './copy';
export { laxNumber, laxInt, laxBoolean, laxBigint, laxTime } from './coerce';
export { dumpKeep, dumpSub, dumpItems, dumpMap, isDefault, markDefaults, defaultedOf, copyMarks, type DumpContext, type Tree } from './dump';
