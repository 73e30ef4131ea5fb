import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Clears the copies of fixtures that earlier runs left in test/.tmp. */
export default function setup(): void {
  rmSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '.tmp'), { recursive: true, force: true });
}
