// Log Analytics: the bot writes JSON lines to stdout; App Service forwards them here (AppServiceConsoleLogs).
param name string
param location string
param retentionDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: name
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionDays
  }
}

output workspaceId string = workspace.id
