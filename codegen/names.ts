/** Identifiers of generated code: the runtime's exports it may import, and an allocator for the rest. */

/** A runtime export generated code may use. */
export type RuntimeHelper = (typeof RUNTIME_HELPERS)[number];

/** Every runtime export generated code may use (reserved as names in the generated module). */
export const RUNTIME_HELPERS = [
  'adopt',
  'cloneValue',
  'copyMarks',
  'dumpExtras',
  'dumpItems',
  'dumpKeep',
  'dumpMap',
  'dumpSub',
  'dumpValue',
  'dateReason',
  'emailIssue',
  'enter',
  'fieldsSet',
  'isDateString',
  'isEmail',
  'isIPv4',
  'isIPv6',
  'isIPv4Network',
  'isIPv6Network',
  'isIPv4Interface',
  'isIPv6Interface',
  'isTimeString',
  'isDuration',
  'timeReason',
  'durationReason',
  'INVALID',
  'instances',
  'issue',
  'isDefault',
  'keepExtras',
  'isMultipleOf',
  'unfit',
  'isTemplate',
  'isUrl',
  'isHttpUrl',
  'httpUrlIssue',
  'isUuid',
  'lax',
  'laxBigint',
  'laxBoolean',
  'laxInt',
  'laxNumber',
  'laxPattern',
  'laxBytes',
  'isBytes',
  'dumpBytes',
  'laxTime',
  'link',
  'linkTemplate',
  'linkValidator',
  'mapEntries',
  'reword',
  'runWrapValidator',
  'runSerializer',
  'maskIssues',
  'MASK',
  'revealed',
  'Secret',
  'missing',
  'markDefaults',
  'parseDateTime',
  'prefix',
  'refuse',
  'runValidator',
  'builtin',
  'isoOf',
  'matches',
  'patternOk',
  'timeError',
  'stashExtras',
  'tagText',
  'timeOf',
  'trial',
  'urlReason',
  'unlinked',
  'userPattern',
  'uuidReason',
  'useMessages',
  'ParseContext',
] as const;

/** Allocates unique identifiers: user-derived bases are sanitised, repeats get a counter. */
export class Names {
  private readonly used = new Set<string>();
  /** Per base of `numbered`, the counter to try first: every one below it is taken, and names are never given back. */
  private readonly next = new Map<string, number>();

  /** `parent`: an allocator whose names stay taken (read through, not copied: a module has thousands). */
  constructor(
    reserved: Iterable<string> = [],
    private readonly parent?: Names,
  ) {
    for (const name of reserved) this.used.add(name);
  }

  /** An allocator that avoids every name this one has handed out (now or later), and `reserved`. */
  child(reserved: Iterable<string> = []): Names {
    return new Names(reserved, this);
  }

  private taken(name: string): boolean {
    return this.used.has(name) || this.parent?.taken(name) === true;
  }

  /** A fresh identifier `base1`, `base2`, …: for generated locals. */
  numbered(base: string): string {
    for (let i = this.next.get(base) ?? 1; ; i++) {
      const candidate = `${base}${i}`;
      if (!this.taken(candidate)) {
        this.used.add(candidate);
        this.next.set(base, i + 1);
        return candidate;
      }
    }
  }

  /** A fresh identifier starting with `base`. */
  fresh(base: string): string {
    let clean = base.replace(/[^\w$]/g, '_');
    if (!/^[A-Za-z_$]/.test(clean)) clean = `_${clean}`;
    if (!this.taken(clean) && !RESERVED.has(clean)) {
      this.used.add(clean);
      return clean;
    }
    for (let i = 2; ; i++) {
      const candidate = `${clean}_${i}`;
      if (!this.taken(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
  }
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof let new null return super switch this throw true try typeof var void while ' +
    'with yield await implements interface package private protected public static arguments eval undefined NaN ' +
    'Infinity Object Array Date Number String Boolean Symbol Error Math JSON RegExp Set Map'
  ).split(' '),
);

