/** The tydantic plugin for Rollup: `plugins: [tydantic()]`, options in {@link TydanticPluginOptions}. */
import { tydantic as unplugin, type TydanticPluginOptions } from './core';

export type { TydanticPluginOptions };

/** Runs the compile step inside the Rollup build and answers `import 'tydantic/models'` with the generated module. */
export const tydantic = unplugin.rollup;
export default tydantic;
