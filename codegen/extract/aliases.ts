/**
 * Alias generators (`@model({ aliasGenerator })`): the input and output key of
 * each field without an alias of its own, computed at compile time.
 */

/** The named generators. */
export const ALIAS_STYLES = ['camelCase', 'snake_case', 'PascalCase'] as const;

/** A named generator, or a function the compile step evaluated. */
export type AliasGenerator = (typeof ALIAS_STYLES)[number] | ((name: string) => string);

/** The words of an identifier: split at `_`, `-`, and lower-to-upper and acronym boundaries. */
function words(name: string): string[] {
  return name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[A-Z]/g) ?? [name];
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** The alias a generator gives a field name. */
export function aliasOf(generator: AliasGenerator, name: string): string {
  if (typeof generator === 'function') return generator(name);
  const parts = words(name);
  switch (generator) {
    case 'snake_case':
      return parts.map((w) => w.toLowerCase()).join('_');
    case 'camelCase':
      return parts.map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w))).join('');
    case 'PascalCase':
      return parts.map(capitalize).join('');
  }
}
