/** Unit and integration tests run together; the browser test is its own project (slower, needs Chromium). */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
};

module.exports = {
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  // A global option (projects cannot set it); the browser tests set their own longer limits.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'service', testMatch: ['<rootDir>/test/service/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'] },
  ],
};
