/**
 * Refinement types: intersect a base type with tags (`string & MinLength<3>`,
 * `Array<Email>`, `Int | null`). They exist only at the type level: values
 * need no cast, and the compile step reads the tags into constraints, the
 * same ones `@field()` sets, so they reach array items and union members too.
 */

declare const tydanticTags: unique symbol;

// Each tag is an interface of its own: an editor shows `number & IntTag & Ge<1>`, not the `Tag<…>` inside.
/* eslint-disable @typescript-eslint/no-empty-object-type */

/** A type-level constraint: `Tag<'minLength', 3>`. Intersect it with the type it constrains. */
export interface Tag<Name extends string, Value> {
  /**
   * The tags the compile step reads (never present at run time).
   * @internal
   */
  readonly [tydanticTags]?: { readonly [K in Name]: Value };
}

/** An integer number (`int_type`, `int_from_float`). */
export type Int = number & IntTag;
/** The tag of `Int` (a named interface, so that hovers read `number & IntTag & Ge<1>`). */
export interface IntTag extends Tag<'int', true> {}
/** An email address (`value_error`). */
export type Email = string & EmailTag;
/** The tag of `Email`. */
export interface EmailTag extends Tag<'format', 'email'> {}
/** An absolute URL (`url_parsing`). */
export type Url = string & UrlTag;
/** The tag of `Url`. */
export interface UrlTag extends Tag<'format', 'url'> {}
/** An absolute `http` or `https` URL of at most 2,083 characters (pydantic's `HttpUrl`): `javascript:` and `data:` are refused. */
export type HttpUrl = string & HttpUrlTag;
/** The tag of `HttpUrl`. */
export interface HttpUrlTag extends Tag<'format', 'httpUrl'> {}
/** A UUID in its hyphenated form, any version (`uuid_parsing`). */
export type Uuid = string & UuidTag;
/** The tag of `Uuid`. */
export interface UuidTag extends Tag<'format', 'uuid'> {}
/** An IPv4 address in dotted-quad form (`ip_v4_address`). */
export type IPv4 = string & IPv4Tag;
/** The tag of `IPv4`. */
export interface IPv4Tag extends Tag<'format', 'ipv4'> {}
/** An IPv6 address in RFC 4291 text form (`ip_v6_address`). */
export type IPv6 = string & IPv6Tag;
/** The tag of `IPv6`. */
export interface IPv6Tag extends Tag<'format', 'ipv6'> {}
/** A calendar date written YYYY-MM-DD, kept as a string (`date_parsing`). */
export type DateString = string & DateStringTag;
/** The tag of `DateString`. */
export interface DateStringTag extends Tag<'format', 'date'> {}

/** A time of day, `HH:MM[:SS[.fraction]]` with an optional offset (`Z`, `+02:00`), kept as a string (pydantic's `time`; `time_parsing`). */
export type TimeString = string & TimeStringTag;
/** The tag of `TimeString`. */
export interface TimeStringTag extends Tag<'format', 'time'> {}
/** An ISO 8601 duration such as `PT30S` or `P1DT12H`, kept as a string (pydantic's `timedelta`; `time_delta_parsing`). `durationMs` converts it. */
export type Duration = string & DurationTag;
/** The tag of `Duration`. */
export interface DurationTag extends Tag<'format', 'duration'> {}
/** An IPv4 network, `10.0.0.0/8` (a prefix length, mask or host mask) or one address; no host bits set (`ip_v4_network`). */
export type IPv4Network = string & IPv4NetworkTag;
/** The tag of `IPv4Network`. */
export interface IPv4NetworkTag extends Tag<'format', 'ipv4Network'> {}
/** An IPv6 network, `2001:db8::/32` or one address; no host bits set (`ip_v6_network`). */
export type IPv6Network = string & IPv6NetworkTag;
/** The tag of `IPv6Network`. */
export interface IPv6NetworkTag extends Tag<'format', 'ipv6Network'> {}
/** An IPv4 address with an optional prefix, host bits allowed: `192.168.1.5/24` (`ip_v4_interface`). */
export type IPv4Interface = string & IPv4InterfaceTag;
/** The tag of `IPv4Interface`. */
export interface IPv4InterfaceTag extends Tag<'format', 'ipv4Interface'> {}
/** An IPv6 address with an optional prefix, host bits allowed: `2001:db8::5/64` (`ip_v6_interface`). */
export type IPv6Interface = string & IPv6InterfaceTag;
/** The tag of `IPv6Interface`. */
export interface IPv6InterfaceTag extends Tag<'format', 'ipv6Interface'> {}

/** Strings: at least N characters. */
export interface MinLength<N extends number> extends Tag<'minLength', N> {}
/** Strings: at most N characters. */
export interface MaxLength<N extends number> extends Tag<'maxLength', N> {}
/** Strings: must contain a match of the regular expression P. */
export interface Pattern<P extends string> extends Tag<'pattern', P> {}
/** Numbers: greater than N. */
export interface Gt<N extends number> extends Tag<'gt', N> {}
/** Numbers: greater than or equal to N. */
export interface Ge<N extends number> extends Tag<'ge', N> {}
/** Numbers: less than N. */
export interface Lt<N extends number> extends Tag<'lt', N> {}
/** Numbers: less than or equal to N. */
export interface Le<N extends number> extends Tag<'le', N> {}
/** Numbers: a multiple of N. */
export interface MultipleOf<N extends number> extends Tag<'multipleOf', N> {}
/** Arrays: at least N items. */
export interface MinItems<N extends number> extends Tag<'minItems', N> {}
/** Arrays: at most N items. */
export interface MaxItems<N extends number> extends Tag<'maxItems', N> {}

/** A Date before the moment it is parsed (pydantic's `PastDatetime`), or a `DateString` before today in UTC (`PastDate`): `birthday!: DateString & Past`. */
export interface Past extends Tag<'past', true> {}
/** A Date after the moment it is parsed (pydantic's `FutureDatetime`), or a `DateString` after today in UTC (`FutureDate`): `expires!: Date & Future`. */
export interface Future extends Tag<'future', true> {}
