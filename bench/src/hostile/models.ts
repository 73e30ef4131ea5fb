/** The models of the worst-case inputs (bench/src/worst-case.ts): compiled by `tydantic generate -p bench/src/hostile`. */
import { field, Model, model, type Email, type Int, type Url } from 'tydantic';

/** A list of integers: given a million bad items, parse collects 100 issues and counts the rest. */
@model()
export class Bulk extends Model {
  items!: Int[];
}

/** Strings checked by a user's pattern and by two formats, each given a huge string on its own. */
@model()
export class Texts extends Model {
  @field({ pattern: '^[a-z]+$' }) word?: string;
  email?: Email;
  url?: Url;
}

/** Template literal types: the first is the one whose old regex took 31.7 s on 4 KB. */
@model()
export class Templates extends Model {
  image?: `${string}/${string}/${string}.png`;
  pair?: `${string}-${number}`;
}

/** A list of anything: a sparse array of length 2**32 - 1 must not be walked. */
@model()
export class Loose extends Model {
  list!: unknown[];
}

/** An integer of any size, from a digit string. */
@model()
export class Big extends Model {
  n!: bigint;
}
