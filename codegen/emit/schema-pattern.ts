/**
 * JSON Schema `pattern` has no flags: a pattern written with `i`, `m` or `s`
 * is rewritten into a flagless source that matches the same strings.
 */

const LINE_TERMINATORS = '\\n\\r\\u2028\\u2029';

/** A flagless pattern source matching what `new RegExp(source, flags)` matches (`g`/`y` never reach the IR; `u`, `v`, `d` change nothing here). */
export function schemaPattern(source: string, flags: string): string {
  const fold = flags.includes('i');
  const dotAll = flags.includes('s');
  const multiline = flags.includes('m');
  if (!fold && !dotAll && !multiline) return source;
  const unicode = /[uv]/.test(flags);
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      const end = escapeEnd(source, i, unicode);
      out += source.slice(i, end);
      i = end;
      continue;
    }
    if (inClass) {
      if (ch === ']') {
        inClass = false;
        out += ch;
        i++;
        continue;
      }
      const to = source[i + 2];
      if (fold && source[i + 1] === '-' && to !== undefined && to !== ']' && to !== '\\') {
        // A range: add the same range in the other case when both ends are letters of one case.
        out += `${ch}-${to}${otherCaseRange(ch, to)}`;
        i += 3;
        continue;
      }
      out += fold ? bothCases(ch) : ch;
      i++;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      // `[^` and a leading `]` (which closes at once in JavaScript) are copied as they are.
      out += source[i + 1] === '^' ? '[^' : '[';
      i += source[i + 1] === '^' ? 2 : 1;
      continue;
    }
    if (ch === '(' && source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') {
      // A named group: its name is not matched text.
      const end = source.indexOf('>', i);
      out += source.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch === '.' && dotAll) out += '[\\s\\S]';
    else if (ch === '^' && multiline) out += `(?<![^${LINE_TERMINATORS}])`;
    else if (ch === '$' && multiline) out += `(?![^${LINE_TERMINATORS}])`;
    else if (fold && bothCases(ch) !== ch) out += `[${bothCases(ch)}]`;
    else out += ch;
    i++;
  }
  return out;
}

/** The index just past the escape sequence starting at `start` (a backslash). */
function escapeEnd(source: string, start: number, unicode: boolean): number {
  const kind = source[start + 1];
  const braced = (open: string, close: string): number => {
    if (source[start + 2] !== open) return start + 2;
    const end = source.indexOf(close, start + 3);
    return end === -1 ? start + 2 : end + 1;
  };
  switch (kind) {
    case 'x':
      return start + 4;
    case 'u':
      return unicode && source[start + 2] === '{' ? braced('{', '}') : start + 6;
    case 'c':
      return start + 3;
    case 'p':
    case 'P':
      return unicode ? braced('{', '}') : start + 2;
    case 'k':
      return braced('<', '>');
    default:
      return start + 2;
  }
}

/** A character and its other case (`a` → `aA`), or the character alone when it has none of a single unit. */
function bothCases(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower.length !== 1 || upper.length !== 1 || lower === upper) return ch;
  return ch === lower ? `${ch}${upper}` : `${ch}${lower}`;
}

/** For a range of ASCII letters of one case (`a-z`), the same range in the other case; else nothing. */
function otherCaseRange(from: string, to: string): string {
  if (/^[a-z]$/.test(from) && /^[a-z]$/.test(to)) return `${from.toUpperCase()}-${to.toUpperCase()}`;
  if (/^[A-Z]$/.test(from) && /^[A-Z]$/.test(to)) return `${from.toLowerCase()}-${to.toLowerCase()}`;
  return '';
}
