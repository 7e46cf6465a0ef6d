/** Architecture rules: a violation fails `npm test`. */
const nodeBuiltins = ['core'];

module.exports = {
  forbidden: [
    {
      name: 'core-is-host-agnostic',
      comment: 'The engine runs in Electron, in the CLI and in tests: it never imports electron or a host.',
      severity: 'error',
      // Tests and their support files may start the emulator: it is the other side of the wire, not a host.
      from: { path: '^src/core', pathNot: '(\\.test|/test-support)\\.ts$' },
      to: { path: ['^src/(main|preload|renderer|cli|emulator)', 'node_modules/electron/'] },
    },
    {
      name: 'core-no-electron-package',
      severity: 'error',
      from: { path: '^src/core' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'unknown', 'undetermined'], path: '^electron$' },
    },
    {
      name: 'renderer-is-a-web-page',
      comment: 'The renderer is sandboxed: no Node built-ins, no main, core, preload or emulator code.',
      severity: 'error',
      from: { path: '^src/renderer' },
      to: { path: ['^src/(main|core|preload|emulator|cli)', '^electron$'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^src/renderer' },
      to: { dependencyTypes: nodeBuiltins },
    },
    {
      name: 'shared-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^src/shared' },
      to: { path: '^src/(?!shared)' },
    },
    {
      name: 'shared-is-platform-neutral',
      severity: 'error',
      from: { path: '^src/shared' },
      to: { dependencyTypes: nodeBuiltins },
    },
    {
      name: 'preload-only-shared',
      comment: 'The sandboxed preload can only see electron and the shared contract.',
      severity: 'error',
      from: { path: '^src/preload' },
      to: { path: '^src/(main|core|renderer|emulator|cli)' },
    },
    {
      name: 'emulator-stands-alone',
      comment: 'The emulator is the other side of the wire: it shares only the contract.',
      severity: 'error',
      from: { path: '^src/emulator' },
      to: { path: '^src/(main|core|renderer|preload|cli)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.gen\\.ts$' },
    tsConfig: { fileName: 'tsconfig.node.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
