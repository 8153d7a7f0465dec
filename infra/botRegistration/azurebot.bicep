// The Azure Bot: single tenant (the City's Entra app), messages to the App Service, Teams as its only channel.
// Also used alone by m365agents.local.yml with a dev tunnel as the endpoint.
@maxLength(20)
@minLength(4)
param resourceBaseName string
param botAadAppClientId string
param botTenantId string
@maxLength(42)
param botDisplayName string
param botEndpoint string
param botServiceSku string = 'F0'

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  kind: 'azurebot'
  location: 'global'
  sku: { name: botServiceSku }
  properties: {
    displayName: botDisplayName
    endpoint: botEndpoint
    msaAppId: botAadAppClientId
    msaAppTenantId: botTenantId
    msaAppType: 'SingleTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}
