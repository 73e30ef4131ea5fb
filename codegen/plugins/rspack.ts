/** The tydantic plugin for Rspack: `plugins: [tydantic()]`, options in {@link TydanticPluginOptions}. */
import { tydantic as unplugin, type TydanticPluginOptions } from './core';

export type { TydanticPluginOptions };

/** Runs the compile step inside the Rspack build and answers `import 'tydantic/models'` with the generated module. */
export const tydantic = unplugin.rspack;
export default tydantic;
