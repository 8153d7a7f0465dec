/**
 * Unit, service and integration tests run together; the browser test is its own project (slower, needs Chromium).
 * Test files run in parallel workers, each on its own database (a copy of the per-run template, test/harness).
 */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', {}],
    // syllable and flesch-kincaid (post readability, docs/decisions/0009) ship only as ES modules; Jest's
    // CommonJS runtime cannot require them on Node 20, so ts-jest compiles just those packages to CommonJS.
    '^.+/node_modules/(syllable|flesch-kincaid)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(syllable|flesch-kincaid)/)'],
};

module.exports = {
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  // A global option (projects cannot set it); the browser tests set their own longer limits.
  testTimeout: 30_000,
  // The tests wait on HTTP and SQLite more than on the CPU, so more workers than cores pays off; JEST_WORKERS overrides.
  maxWorkers: Number(process.env.JEST_WORKERS) || 4,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'service', testMatch: ['<rootDir>/test/service/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'] },
    // Several processes on one PostgreSQL database: only with TEST_DATABASE=postgres (.ci/run starts a server).
    ...(process.env.TEST_DATABASE === 'postgres' ? [{ ...common, displayName: 'postgres', testMatch: ['<rootDir>/test/postgres/**/*.test.ts'] }] : []),
  ],
};
