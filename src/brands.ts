/**
 * Refinement types: intersect a base type with tags (`string & MinLength<3>`,
 * `Array<Email>`, `Int | null`). They exist only at the type level: values
 * need no cast, and the compile step reads the tags into constraints, the
 * same ones `@field()` sets, so they reach array items and union members too.
 */

declare const tydanticTags: unique symbol;

/** A type-level constraint: `Tag<'minLength', 3>`. Intersect it with the type it constrains. */
export interface Tag<Name extends string, Value> {
  /** The tags the compile step reads (never present at run time). */
  readonly [tydanticTags]?: { readonly [K in Name]: Value };
}

/** An integer number (`int_type`, `int_from_float`). */
export type Int = number & Tag<'int', true>;
/** An email address (`value_error`). */
export type Email = string & Tag<'format', 'email'>;
/** An absolute URL (`url_parsing`). */
export type Url = string & Tag<'format', 'url'>;
/** A UUID in its hyphenated form, any version (`uuid_parsing`). */
export type Uuid = string & Tag<'format', 'uuid'>;
/** An IPv4 address in dotted-quad form (`ip_v4_address`). */
export type IPv4 = string & Tag<'format', 'ipv4'>;
/** An IPv6 address in RFC 4291 text form (`ip_v6_address`). */
export type IPv6 = string & Tag<'format', 'ipv6'>;
/** A calendar date written YYYY-MM-DD, kept as a string (`date_parsing`). */
export type DateString = string & Tag<'format', 'date'>;

/** Strings: at least N characters. */
export type MinLength<N extends number> = Tag<'minLength', N>;
/** Strings: at most N characters. */
export type MaxLength<N extends number> = Tag<'maxLength', N>;
/** Strings: must contain a match of the regular expression P. */
export type Pattern<P extends string> = Tag<'pattern', P>;
/** Numbers: greater than N. */
export type Gt<N extends number> = Tag<'gt', N>;
/** Numbers: greater than or equal to N. */
export type Ge<N extends number> = Tag<'ge', N>;
/** Numbers: less than N. */
export type Lt<N extends number> = Tag<'lt', N>;
/** Numbers: less than or equal to N. */
export type Le<N extends number> = Tag<'le', N>;
/** Numbers: a multiple of N. */
export type MultipleOf<N extends number> = Tag<'multipleOf', N>;
/** Arrays: at least N items. */
export type MinItems<N extends number> = Tag<'minItems', N>;
/** Arrays: at most N items. */
export type MaxItems<N extends number> = Tag<'maxItems', N>;
