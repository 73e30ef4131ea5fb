// `tydantic/settings`: settings models loaded from the environment, `.env` files, secret files and the
// command line (Node only: it reads files). `Secret` is in the main entry, for any model.
export { Settings, settings, SettingsError, type DefaultSources, type EnvFileEncoding, type JsonSettingsIssue, type LoadOptions, type SettingsDecorator, type SettingsIssue, type SettingsOptions } from './settings/settings';
export { fileSource, type SettingsSource, type SourceProblem } from './settings/sources';
export { Secret } from './secret';
