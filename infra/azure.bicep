// Social Steward on Azure, provisioned by the Microsoft 365 Agents Toolkit (m365agents.yml, `arm/deploy`):
// App Service on Linux (Node 22) running the production build, a user-assigned managed identity that reads Key Vault,
// PostgreSQL Flexible Server, Log Analytics for the bot's JSON logs, and the Azure Bot (single tenant, Teams channel).
// Secrets arrive as @secure() parameters, go into Key Vault only, and reach the app as Key Vault references.

@minLength(4)
@maxLength(20)
@description('Used to name every resource; also the web app name, so <name>.azurewebsites.net')
param resourceBaseName string
param location string = resourceGroup().location
param webAppSku string = 'B1'
@maxLength(42)
param botDisplayName string = 'Social Steward'

@description('Client id of the single-tenant Entra app the bot signs in as (aadApp/create writes it to BOT_ID)')
param botAadAppClientId string
param botTenantId string = tenant().tenantId
param teamsAppId string
@description('Comma-separated Entra object ids of the first admins')
param firstAdmins string
param timeZone string = 'America/Chicago'
param postgresAdminLogin string = 'steward'
param logRetentionDays int = 90

@secure()
param botAadAppClientSecret string
@secure()
@description('32 random bytes, base64 (openssl rand -base64 32); encrypts the presence logins (REG-2)')
param credentialKey string
@secure()
param postgresAdminPassword string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: resourceBaseName
  location: location
}

module monitoring './modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: resourceBaseName, location: location, retentionDays: logRetentionDays }
}

module database './modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: '${resourceBaseName}-pg'
    location: location
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    workspaceId: monitoring.outputs.workspaceId
  }
}

module vault './modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: '${resourceBaseName}-kv'
    location: location
    readerPrincipalId: identity.properties.principalId
    workspaceId: monitoring.outputs.workspaceId
    botPassword: botAadAppClientSecret
    credentialKey: credentialKey
    databaseUrl: 'postgresql://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${database.outputs.fqdn}:5432/${database.outputs.databaseName}?sslmode=require'
  }
}

module web './modules/web-app.bicep' = {
  name: 'web-app'
  params: {
    name: resourceBaseName
    location: location
    sku: webAppSku
    identityId: identity.id
    workspaceId: monitoring.outputs.workspaceId
  }
}

module settings './modules/app-settings.bicep' = {
  name: 'app-settings'
  params: {
    webAppName: web.outputs.name
    botDomain: web.outputs.hostName
    botId: botAadAppClientId
    botTenantId: botTenantId
    teamsAppId: teamsAppId
    firstAdmins: firstAdmins
    timeZone: timeZone
    botPasswordSecretUri: vault.outputs.botPasswordSecretUri
    credentialKeySecretUri: vault.outputs.credentialKeySecretUri
    databaseUrlSecretUri: vault.outputs.databaseUrlSecretUri
  }
}

module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botAadAppClientId: botAadAppClientId
    botTenantId: botTenantId
    botDisplayName: botDisplayName
    botEndpoint: 'https://${web.outputs.hostName}/api/messages'
  }
}

// Written to env/.env.<environment> by arm/deploy; the deploy and publish lifecycles read them.
output AZURE_APP_SERVICE_RESOURCE_ID string = web.outputs.id
output BOT_DOMAIN string = web.outputs.hostName
output BOT_ENDPOINT string = 'https://${web.outputs.hostName}'
output KEY_VAULT_NAME string = vault.outputs.name
output POSTGRES_HOST string = database.outputs.fqdn
