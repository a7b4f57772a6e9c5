/*
 * Builds dist/ai-conformance.cjs, the one file bin/ai-conformance runs: this
 * package's sources, the workspace packages and the npm dependencies they
 * use, bundled by esbuild into CommonJS. Each command's module is reached
 * through a dynamic import, which esbuild keeps lazy, so a command evaluates
 * only what it needs. Next to it, dist/ai-conformance.manifest.json lists the
 * repository files the bundle was built from and when, for the bin's
 * freshness check.
 *
 * Run by `yarn build` in this package (`node scripts/buildBundle.js`) and by
 * the bin when a source is newer than the bundle.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const pkgDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(pkgDir, '../..');
const BUNDLE = path.join(pkgDir, 'dist', 'ai-conformance.cjs');
const MANIFEST = path.join(pkgDir, 'dist', 'ai-conformance.manifest.json');

/**
 * `@kubernetes/client-node` is ESM-only and mostly generated API classes; the
 * engine (connectToCluster) uses its KubeConfig and nothing else. The bundle
 * therefore carries only the module that defines it. Add a name here when
 * the engine starts to use another export.
 */
const CLIENT_NODE_EXPORTS = {
  KubeConfig: '@kubernetes/client-node/dist/config.js',
};

const bundlePlugin = {
  name: 'ai-conformance-cli',
  setup(build) {
    build.onResolve({ filter: /^@kubernetes\/client-node$/ }, args => ({
      path: '@kubernetes/client-node',
      namespace: 'client-node',
      pluginData: args.resolveDir,
    }));
    build.onLoad({ filter: /.*/, namespace: 'client-node' }, args => ({
      contents: Object.entries(CLIENT_NODE_EXPORTS)
        .map(([name, from]) => `export { ${name} } from '${from}';`)
        .join('\n'),
      resolveDir: args.pluginData,
      loader: 'js',
    }));
    // node-fetch (used by client-node) requires the optional `encoding`
    // package inside try/catch for a method the engine never calls.
    build.onResolve({ filter: /^encoding$/ }, () => ({
      path: 'encoding',
      namespace: 'absent',
    }));
    build.onLoad({ filter: /.*/, namespace: 'absent' }, () => ({
      contents: "throw new Error('not bundled');",
      loader: 'js',
    }));
  },
};

/** Writes `content` to `file` through a temporary file, so readers never see half of it. */
function writeAtomically(file, content) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/**
 * Builds the bundle and its manifest. Resolves with the bundle's size and the
 * number of inputs; rejects when esbuild is missing or the build fails.
 */
async function buildBundle({ logLevel = 'warning' } = {}) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild');
  const builtAt = Date.now();
  const result = await esbuild.build({
    absWorkingDir: pkgDir,
    entryPoints: ['src/index.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    write: false,
    outfile: BUNDLE,
    plugins: [bundlePlugin],
    logLevel,
  });
  const [output] = result.outputFiles;
  const sources = Object.keys(result.metafile.inputs)
    .filter(input => !input.includes('node_modules/') && !input.includes(':'))
    .map(input => path.resolve(pkgDir, input));
  // Dependencies change through the lockfile; the bundler setup through this file.
  const inputs = [
    ...sources,
    path.join(repoRoot, 'yarn.lock'),
    __filename,
    path.join(pkgDir, 'package.json'),
  ].map(file => path.relative(pkgDir, file));
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  writeAtomically(BUNDLE, output.contents);
  // The bin's V8 code cache belongs to the previous bundle.
  fs.rmSync(`${BUNDLE}.v8cache`, { force: true });
  writeAtomically(
    MANIFEST,
    `${JSON.stringify({ builtAt, inputs: [...new Set(inputs)] }, null, 1)}\n`,
  );
  return { bytes: output.contents.length, inputs: sources.length };
}

/** True when the bundle exists and no input changed since it was built. */
function bundleIsFresh() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  } catch {
    return false;
  }
  if (!fs.existsSync(BUNDLE)) return false;
  return manifest.inputs.every(input => {
    const stat = fs.statSync(path.resolve(pkgDir, input), {
      throwIfNoEntry: false,
    });
    return stat !== undefined && stat.mtimeMs <= manifest.builtAt;
  });
}

module.exports = { BUNDLE, buildBundle, bundleIsFresh };

if (require.main === module) {
  buildBundle().then(
    ({ bytes, inputs }) =>
      console.log(
        `${path.relative(process.cwd(), BUNDLE)}: ${(
          bytes /
          1024 /
          1024
        ).toFixed(1)} MiB from ${inputs} source files and their dependencies`,
      ),
    error => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
