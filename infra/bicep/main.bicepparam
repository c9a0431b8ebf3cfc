// Parameters for `azd up` (azure.yaml): the azd environment's name and location; everything else
// keeps main.bicep's defaults. CI uses dev.bicepparam and prod.bicepparam.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'dev')
param location = readEnvironmentVariable('AZURE_LOCATION', 'uksouth')
param smsProviders = readEnvironmentVariable('PILOT_SMS_PROVIDERS', '')
