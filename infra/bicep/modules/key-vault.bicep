// Key Vault in RBAC mode for the provider secrets. Secret values are never parameters here: operators
// set them with `az keyvault secret set` (docs/operations.md), except the ACS connection string,
// which this deployment copies from the ACS resource when it creates one.
param name string
param location string
param tags object
param enablePurgeProtection bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection cannot be turned off again once on; dev leaves it off so it can be torn down.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
