// `npm run build` starts from empty output folders, so no stale chunk is packed.
import { rmSync } from 'node:fs';

for (const dir of ['src/dist', 'codegen/dist', 'dist']) rmSync(new URL(`../${dir}`, import.meta.url), { recursive: true, force: true });
