// The dev environment, deployed by .github/workflows/deploy.yml on every push to main.
// No secret goes here: provider secrets live in Key Vault (docs/operations.md).
using 'main.bicep'

param environmentName = 'dev'
param instanceMemoryMB = 2048
// The Flex Consumption floor (main.bicep); dev rarely scales past a few instances anyway.
param maximumInstanceCount = 40
param storageSkuName = 'Standard_LRS'
param keyVaultPurgeProtection = false
param logRetentionInDays = 30
// dev texts go to the Outbox table until a provider is configured here.
param smsProviders = ''
param alertEmails = []
