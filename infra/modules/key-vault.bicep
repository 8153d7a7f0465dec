// Key Vault holds every secret the bot reads; the app's managed identity may read secrets and nothing else.
// Purge protection: losing CREDENTIAL_KEY makes every stored login unreadable (REG-2), so a deleted key must stay
// recoverable for the retention period.
param name string
param location string
param readerPrincipalId string
param workspaceId string
@secure()
param botPassword string
@secure()
param credentialKey string
@secure()
param databaseUrl string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-password'
  properties: { value: botPassword }
}

resource credentialKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'credential-key'
  properties: { value: credentialKey }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: { value: databaseUrl }
}

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [{ category: 'AuditEvent', enabled: true }]
  }
}

output name string = vault.name
// Versionless URIs: App Service picks up a rotated secret without a redeploy.
output botPasswordSecretUri string = botPasswordSecret.properties.secretUri
output credentialKeySecretUri string = credentialKeySecret.properties.secretUri
output databaseUrlSecretUri string = databaseUrlSecret.properties.secretUri
