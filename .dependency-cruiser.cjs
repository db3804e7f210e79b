// The layers of the workspace, checked by `pnpm lint` (depcruise) and by test/layers.test.ts.
// Each rule names the direction it keeps; docs/architecture.md says why the layers are so.
const pkg = (name) => `^packages/${name}/`;
const app = (name) => `^apps/${name}/`;
// Any workspace package but the allowed ones; every package's tests may use the shared test kit.
const outside = (...allowed) => `^(packages|apps)/(?!(${[...allowed, 'testkit'].join('|')})/)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'protocol-stands-alone',
      comment: 'The wire protocol is the root of the workspace: it imports no other workspace package.',
      severity: 'error',
      from: { path: pkg('protocol') },
      to: { path: outside('protocol') },
    },
    {
      name: 'codec-stands-alone',
      comment: 'The codec is pure byte helpers; only the protocol (types of its settings) below it.',
      severity: 'error',
      from: { path: pkg('codec') },
      to: { path: outside('codec', 'protocol') },
    },
    {
      name: 'wire-stands-alone',
      comment: 'The pcap parser and flow tracker are pure.',
      severity: 'error',
      from: { path: pkg('wire') },
      to: { path: outside('wire') },
    },
    {
      name: 'trace-stands-on-protocol',
      comment: 'The trace command runs a program and speaks the protocol; it knows nothing of the bridge.',
      severity: 'error',
      from: { path: pkg('trace') },
      to: { path: outside('trace', 'protocol') },
    },
    {
      name: 'engine-knows-no-bridge',
      comment: 'The socket engine knows nothing of WebSockets, the bridge or React.',
      severity: 'error',
      from: { path: pkg('engine') },
      to: { path: outside('engine', 'protocol', 'codec') },
    },
    {
      name: 'engine-no-ws-or-react',
      severity: 'error',
      from: { path: pkg('engine') },
      to: { path: 'node_modules/(ws|react|react-dom|express)/' },
    },
    {
      name: 'server-below-cli-and-web',
      severity: 'error',
      from: { path: app('server') },
      to: { path: outside('server', 'protocol', 'codec', 'engine', 'wire', 'trace') },
    },
    {
      name: 'web-through-protocol-only',
      comment: 'The page talks to the bridge only through the protocol; it never imports the engine or server.',
      severity: 'error',
      from: { path: app('web') },
      to: { path: outside('web', 'protocol', 'codec', 'wire') },
    },
    {
      name: 'cli-wraps-server',
      severity: 'error',
      from: { path: app('cli') },
      to: { path: outside('cli', 'server', 'protocol', 'trace') },
    },
    {
      name: 'testkit-above-protocol',
      comment: 'The test kit speaks the protocol; it starts no bridge itself (that is @playground/server/testing).',
      severity: 'error',
      from: { path: pkg('testkit') },
      to: { path: outside('protocol') },
    },
    {
      name: 'testkit-only-in-tests',
      comment: 'The shared test kit is for tests, benchmarks and scripts, never shipped code.',
      severity: 'error',
      from: { path: '^(packages|apps)/[^/]+/src/', pathNot: pkg('testkit') },
      to: { path: pkg('testkit') },
    },
    {
      name: 'no-reaching-into-sources',
      comment:
        'e2e, bench and scripts use packages through their entry points (@playground/server, ' +
        '@playground/testkit), not by a relative path into apps/*/src or packages/*/src.',
      severity: 'error',
      // `pnpm start` runs the published command from its sources; that package has no exports map.
      from: { path: '^(e2e|bench|scripts)/', pathNot: '^scripts/start\\.ts$' },
      // Resolved through a package's exports the target is under src/ too: only relative paths count.
      to: { path: '^(apps|packages)/[^/]+/(src|test)/', dependencyTypes: ['local'] },
    },
    {
      name: 'no-other-package-tests',
      comment: "A package's tests import another package's test helpers only through the test kit.",
      severity: 'error',
      from: { path: '^(apps|packages)/([^/]+)/' },
      to: { path: '^(apps|packages)/([^/]+)/test/', pathNot: '^$1/$2/' },
    },
    {
      name: 'features-not-app',
      comment: 'Features are composed by app/; what they share with it lives in ui/shell.',
      severity: 'error',
      from: { path: '^apps/web/src/(features|ui|bridge|i18n)/' },
      to: { path: '^apps/web/src/app/' },
    },
    {
      name: 'store-below-transport',
      comment: "The page's store (model, reducers, selectors) knows nothing of the WebSocket client that feeds it.",
      severity: 'error',
      from: { path: '^apps/web/src/store/' },
      to: { path: '^apps/web/src/(bridge|features|app|page)/' },
    },
    {
      name: 'ui-not-features',
      comment: 'ui/ holds shared blocks; a block that needs a feature belongs to that feature.',
      severity: 'error',
      from: { path: '^apps/web/src/ui/' },
      to: { path: '^apps/web/src/features/' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders form a tree of dependencies: a cycle between folders hides a missing home.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Built output (the page copied into the CLI package) is not source.
    exclude: { path: '(^|/)(dist|node_modules)/|^docs/|^apps/cli/web/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
