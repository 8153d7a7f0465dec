// The bot's environment (README "Configuration"). Production requires BOT_ID and CREDENTIAL_KEY, and with BOT_ID
// set, BOT_PASSWORD and BOT_TENANT_ID (SingleTenant). Secrets are Key Vault references only, never values:
// test/unit/azure-infra.test.ts checks both against src/config/config.ts.
param webAppName string
param botDomain string
param botId string
param botTenantId string
param teamsAppId string
param firstAdmins string
param timeZone string
param botPasswordSecretUri string
param credentialKeySecretUri string
param databaseUrlSecretUri string

resource site 'Microsoft.Web/sites@2023-12-01' existing = {
  name: webAppName
}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    BOT_ID: botId
    BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botPasswordSecretUri})'
    BOT_TENANT_ID: botTenantId
    BOT_APP_TYPE: 'SingleTenant'
    TEAMS_APP_ID: teamsAppId
    BOT_DOMAIN: botDomain
    CREDENTIAL_KEY: '@Microsoft.KeyVault(SecretUri=${credentialKeySecretUri})'
    DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecretUri})'
    FIRST_ADMINS: firstAdmins
    TIME_ZONE: timeZone
    LOG_LEVEL: 'info'
    // Every instance may apply pending migrations at start: they run under PostgreSQL's advisory lock, so one applies
    // them and the others find nothing left to do (docs/decisions/0005-postgresql.md).
    MIGRATE_ON_START: 'true'
    // App Service stops a container that has not answered within this many seconds; migrations run at start.
    WEBSITES_CONTAINER_START_TIME_LIMIT: '600'
    // Oryx builds on the server: production dependencies only, compiled for Linux. dist/ comes in the zip.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev --no-audit --no-fund'
  }
}
