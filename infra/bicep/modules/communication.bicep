// Optional Azure Communication Services resource for SMS. Its connection string goes straight into
// Key Vault (never an output or a parameter); the sending number is bought in the portal and given
// to main.bicep as acsSmsFrom.
param name string
param dataLocation string
param tags object
param keyVaultName string
param connectionStringSecretName string

resource acs 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: connectionStringSecretName
  properties: {
    value: acs.listKeys().primaryConnectionString
    contentType: 'ACS connection string (endpoint=...;accesskey=...)'
  }
}

output id string = acs.id
output endpoint string = 'https://${acs.properties.hostName}'
