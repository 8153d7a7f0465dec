/** Unit and integration tests run together; the browser test is its own project (slower, needs Chromium). */
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
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'] },
  ],
};
