// The import rules of the layers (docs/architecture.md), checked in CI (`npm run deps`).
// Data flows one way: bots and scheduler drive the domain, storage implements its ports,
// and only src/main.ts wires the layers together.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain holds rules, use cases and ports; it imports no other layer and no framework.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: {
        path: [
          '^src/(bots|scheduler|storage|config|main)',
          'node_modules/(@slack|botbuilder|botframework|@wecom|drizzle-orm|postgres|@electric-sql|node-cron|fastify|pino|@aws-sdk)',
        ],
      },
    },
    {
      name: 'domain-no-io-builtins',
      comment: 'No I/O in the domain: file system, network and processes belong to adapters.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|net|http|https|child_process|dgram|dns|tls|worker_threads)',
      },
    },
    {
      name: 'platforms-are-not-siblings',
      comment: 'A platform adapter imports only the domain, bots/shared and its own SDK.',
      severity: 'error',
      from: { path: '^src/bots/([^/]+)/' },
      to: { path: '^src/bots/([^/]+)/', pathNot: ['^src/bots/$1/', '^src/bots/shared/'] },
    },
    {
      name: 'layers-do-not-cross',
      comment: 'bots, scheduler and storage point inward at the domain and never at each other.',
      severity: 'error',
      from: { path: '^src/(bots|scheduler|storage)/' },
      to: { path: '^src/(bots|scheduler|storage)/', pathNot: ['^src/$1/'] },
    },
    {
      name: 'only-main-wires',
      comment: 'src/main.ts and src/composition/ are the composition root; no layer imports them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main\\.ts$|composition/)' },
      to: { path: '^src/(main\\.ts$|composition/)' },
    },
    {
      name: 'only-composition-crosses-layers',
      comment:
        'A module outside the composition root belongs to one layer (config, domain, bots, scheduler, storage).',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$', pathNot: '^src/main\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'config-types-only',
      comment: 'Layers receive configuration from main.ts; they may import its types, never read it.',
      severity: 'error',
      from: { path: '^src/(domain|bots|scheduler|storage)/' },
      to: { path: '^src/config/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'config-is-a-leaf',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/(domain|bots|scheduler|storage|main)' },
    },
    {
      name: 'slack-sdk-only-in-bots-slack',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bots/slack/' },
      to: { path: 'node_modules/@slack/' },
    },
    {
      name: 'botbuilder-only-in-bots-teams',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bots/teams/' },
      to: { path: 'node_modules/(botbuilder|botframework)' },
    },
    {
      name: 'wecom-crypto-only-in-bots-wecom',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bots/wecom/' },
      to: { path: 'node_modules/@wecom/' },
    },
    {
      name: 'database-drivers-only-in-storage',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/storage/' },
      to: { path: 'node_modules/(drizzle-orm|postgres|@electric-sql)/' },
    },
    {
      name: 'file-renderers-only-in-bots-report-files',
      comment:
        'Exports and charts are rendered behind their signed links; nothing else draws or packs files.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bots/report-files/' },
      to: { path: 'node_modules/(exceljs|csv-stringify|fflate|@napi-rs/canvas|@embedpdf)/' },
    },
    {
      name: 'node-cron-only-in-scheduler',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/scheduler/' },
      to: { path: 'node_modules/node-cron/' },
    },
    { name: 'no-circular', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/|node_modules/(vitest|fast-check)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    includeOnly: ['^src/', 'node_modules/'],
  },
};
