// The prod environment, deployed by .github/workflows/deploy.yml after dev, behind the `prod`
// environment's approval. No secret goes here: provider secrets live in Key Vault (docs/operations.md).
using 'main.bicep'

param environmentName = 'prod'
param instanceMemoryMB = 2048
param maximumInstanceCount = 40
param storageSkuName = 'Standard_ZRS'
param keyVaultPurgeProtection = true
param logRetentionInDays = 90
// Set to 'twilio', 'acs' or 'twilio,acs' once the provider's settings and Key Vault secrets are in place.
param smsProviders = ''
param twilioAccountSid = ''
param twilioFrom = ''
param deployCommunicationServices = false
param acsSmsFrom = ''
param wfiReplyNumber = ''
param alertEmails = []
param smsFailurePercentThreshold = 20
param timerSilenceMinutes = 15
