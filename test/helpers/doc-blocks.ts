/**
 * Reads the fenced code blocks of the Markdown docs, with the `<!-- check: ... -->` marker that may stand
 * right before a block, and tells which blocks show output (and so must be run by test/docs-examples.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One fenced code block of a Markdown file. */
export interface DocBlock {
  /** The file, relative to the repository. */
  readonly file: string;
  /** The 1-based line of the opening fence. */
  readonly line: number;
  /** The info string's first word (`ts`, `text`, `sh`, ...), or `''`. */
  readonly lang: string;
  /** The block's text, without the fences, ending without a newline. */
  readonly text: string;
  /** The text of a `<!-- check: ... -->` comment on the last non-blank line before the fence, if any. */
  readonly marker: string | undefined;
  /** The prose between the previous block and this one. */
  readonly before: string;
}

/** README.md and every Markdown file under docs/ (but the generated API reference), relative to `repo`. */
export function docFiles(repo: string): string[] {
  const files = ['README.md'];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(repo, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (rel !== 'docs/api') walk(rel);
      } else if (entry.name.endsWith('.md')) files.push(rel);
    }
  };
  walk('docs');
  return files;
}

/** The fenced blocks of one Markdown file. */
export function readBlocks(repo: string, file: string): DocBlock[] {
  const lines = readFileSync(path.join(repo, file), 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  let prose: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i]!);
    if (open === null) {
      prose.push(lines[i]!);
      continue;
    }
    const fence = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j] !== fence) body.push(lines[j++]!);
    const last = [...prose].reverse().find((l) => l.trim() !== '');
    const marker = last === undefined ? undefined : /^<!-- check: (.*?) -->$/.exec(last.trim())?.[1];
    blocks.push({ file, line: i + 1, lang: open[2]!.trim().split(/\s+/)[0] ?? '', text: body.join('\n'), marker, before: prose.join('\n') });
    prose = [];
    i = j;
  }
  return blocks;
}

/** A line of code with a result comment: `expr; // → result` (or `// =>`). */
export const RESULT_COMMENT = /^(.*?);?\s*\/\/ (?:→|=>) (.*)$/;

/**
 * Whether a block shows output: a `text` or `console` block (program output, messages, command output),
 * a shell block with a `$ ` prompt and lines after it, or code with `// →` result comments (or a comment line
 * under a call, which the test then reports until it is written as one).
 */
export function showsOutput(block: DocBlock): boolean {
  if (block.lang === 'text' || block.lang === 'console') return true;
  const lines = block.text.split('\n');
  if (['sh', 'shell', 'bash'].includes(block.lang)) return lines.some((l) => l.startsWith('$ ')) && lines.some((l) => !l.startsWith('$ ') && l.trim() !== '');
  // A result written as a comment under the call (`M.parse(x);` then `// M { ... }`) shows output too.
  return lines.some((l, i) => RESULT_COMMENT.test(l) || (/;$/.test(l) && !l.startsWith('//') && /^\/\/ /.test(lines[i + 1] ?? '')));
}
