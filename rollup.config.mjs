// Builds @epn/stats: the npm ES module with .d.ts (papaparse external), and a standalone browser file with
// papaparse inside (dist/epn-stats.min.js), so that `<script type="module">` pages need no bundler.
import commonjs from '@rollup/plugin-commonjs';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const stats = 'packages/stats';

export default [
  {
    input: `${stats}/src/index.ts`,
    external: ['papaparse'],
    output: {dir: `${stats}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `${stats}/src`},
    plugins: [typescript({tsconfig: `${stats}/tsconfig.json`, noEmitOnError: true, outDir: `${stats}/dist`, declarationDir: `${stats}/dist`})],
  },
  {
    input: `${stats}/src/index.ts`,
    output: {file: `${stats}/dist/epn-stats.min.js`, format: 'es'},
    plugins: [
      typescript({tsconfig: `${stats}/tsconfig.json`, declaration: false, declarationDir: undefined, outDir: `${stats}/dist`}),
      // papaparse's browser build (papaparse.min.js) has no require('stream').
      nodeResolve({browser: true, exportConditions: ['production']}),
      commonjs({ignore: ['stream']}),
      terser({format: {comments: false}}),
    ],
  },
];
