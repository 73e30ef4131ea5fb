// A webpack/Rspack loader for the plugin tests: TypeScript to JavaScript with esbuild, decorators lowered for Node 20.
import { transform } from 'esbuild';

export default function stripTypes(source) {
  const done = this.async();
  transform(source, { loader: 'ts', target: 'node20', sourcefile: this.resourcePath }).then(
    (result) => done(null, result.code),
    (error) => done(error),
  );
}
