/** The tydantic plugin for webpack: `plugins: [tydantic()]`, options in {@link TydanticPluginOptions}. */
import { tydantic as unplugin, type TydanticPluginOptions } from './core';

export type { TydanticPluginOptions };

/** Runs the compile step inside the webpack build and answers `import 'tydantic/models'` with the generated module. */
export const tydantic = unplugin.webpack;
export default tydantic;
