// The Function App on the Flex Consumption plan (.NET 10 isolated worker), running as the user-assigned
// identity, with every app setting Pilot reads.
param planName string
param appName string
param location string
param tags object

@description('Memory of each instance, in MB (Flex Consumption: 512, 2048 or 4096).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Most instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

param identityId string
param identityClientId string
param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string
param keyVaultUri string

@description('Key Vault secret names (never values) behind the provider settings.')
param secretNames object

param reminderSendQueue string
param interactiveSendQueue string
param smsProviders string
@description('Empty: the app\'s own https address, which is what Twilio calls without a custom domain.')
param smsPublicBaseUrl string
param twilioAccountSid string
param twilioFrom string
param twilioMessagingServiceSid string
param acsFrom string

@description('An ACS resource is deployed here: its Event Grid webhook key (acs-eventgrid-key) is read even before acs is in smsProviders.')
param deployCommunicationServices bool

@description('The number parents text 1 or 2 to, as printed on WFI letters (Wfi:ReplyNumber).')
param wfiReplyNumber string

@description('Post letters through GOV.UK Notify (its key in Key Vault as notify-api-key); false: the print-batch folder.')
param lettersThroughNotify bool

// EVERY app setting the Function App gets, in one place. Names use `__` for `:` (Linux). A setting
// the code reads and this object lacks fails tests/Pilot.Infra.Tests (AppSettingsTests), so a new
// setting is one line here. Provider secrets are Key Vault references, never values; without a
// version, so the app picks up a rotated secret within a day, or at once on restart.
// A provider's secret is referenced only while that provider is used: the app refuses to start on a
// reference Key Vault cannot resolve (src/Shared/Secrets), and an empty one refuses that provider's webhooks.
var providers = split(replace(toLower(smsProviders), ' ', ''), ',')
var usesTwilio = contains(providers, 'twilio')
var usesAcs = contains(providers, 'acs')

var appSettings = {
  // Storage by identity, for the Functions host and for the app's own clients (StorageClients).
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  // Application Insights accepts only Entra-authenticated telemetry (local auth is off).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  Storage__TablePrefix: ''

  Reminders__DispatchSchedule: '0 * * * * *'
  Reminders__SendQueue: reminderSendQueue
  Reminders__InteractiveSendQueue: interactiveSendQueue
  Reminders__DaysBefore: '1'
  Reminders__HoursBefore: '2'
  Reminders__SendingLeaseSeconds: '120'
  Reminders__MaxMinutesPerTick: '180'
  Reminders__ScheduledSendConcurrency: '32'

  Sms__Providers: smsProviders
  Sms__QuietHoursStart: '21:00'
  Sms__QuietHoursEnd: '08:00'
  Sms__PricePerFragment: '0.0197'
  Sms__MaxPerNumberPerHour: '10'
  Sms__PublicBaseUrl: empty(smsPublicBaseUrl) ? 'https://${app.properties.defaultHostName}' : smsPublicBaseUrl
  // Required: keys each number's hourly-cap row (an HMAC of the number), so the table never holds a reversible hash.
  Sms__NumberKeySecret: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.smsNumberKeySecret})'

  Sms__Twilio__AccountSid: twilioAccountSid
  Sms__Twilio__AuthToken: usesTwilio ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.twilioAuthToken})' : ''
  Sms__Twilio__From: twilioFrom
  Sms__Twilio__MessagingServiceSid: twilioMessagingServiceSid
  Sms__Twilio__ApiBaseUrl: 'https://api.twilio.com'
  Sms__Twilio__MessagesPerSecond: '1'
  Sms__Twilio__TimeoutSeconds: '10'

  Sms__Acs__ConnectionString: usesAcs ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.acsConnectionString})' : ''
  Sms__Acs__From: acsFrom
  Sms__Acs__MessagesPerSecond: '3'
  Sms__Acs__TimeoutSeconds: '10'
  Sms__Acs__EventGridKey: usesAcs || deployCommunicationServices ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.acsEventGridKey})' : ''

  Vacancies__AlertSchedule: '30 */5 * * * *'
  Vacancies__FeedQueue: 'vacancy-feed'
  Vacancies__DigestTime: '18:00'

  Retention__Days: '7'
  Retention__Schedule: '0 30 2 * * *'

  // Letters: GOV.UK Notify when its key is in Key Vault, else the print-batch folder in blob storage.
  Letters__Container: 'letters'
  Letters__Postage: 'second'
  Letters__PrintBatchFolder: ''
  // Empty until the Notify key is in Key Vault: an unresolved reference would fail the app's start.
  Letters__Notify__ApiKey: lettersThroughNotify ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.notifyApiKey})' : ''
  Letters__Notify__BaseUrl: 'https://api.notifications.service.gov.uk'
  Letters__Notify__TimeoutSeconds: '30'

  Wfi__LetterQueue: 'wfi-letters'
  Wfi__DefaultSchedule: '0 0 * * * *'
  Wfi__TokenSigningKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.wfiTokenSigningKey})'
  Wfi__PublicBaseUrl: 'https://${app.properties.defaultHostName}'
  Wfi__ReplyNumber: wfiReplyNumber
  ParentPage__LinkLifetimeDays: '14'

  // Role keys (README "Roles and keys"): the SHA-256 hash of each principal's key lives in Key Vault, so issuing or
  // revoking a key is a secret change (docs/operations.md). The app refuses to start while a reference is unresolved:
  // create every secret before the first start. One line per pilot office and centre (its venue id).
  Access__Central: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-central)'
  Access__Feed: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-feed)'
  Access__Operator: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-operator)'
  'Access__Offices__jcp-blackpool': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-office-jcp-blackpool)'
  'Access__Offices__jcp-ealing': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-office-jcp-ealing)'
  'Access__Offices__jcp-kingston-upon-hull': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-office-jcp-kingston-upon-hull)'
  'Access__Offices__jcp-lambeth': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-office-jcp-lambeth)'
  'Access__Offices__jcp-nottingham-city': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-office-jcp-nottingham-city)'
  'Access__Offices__jcp-redcar-and-cleveland': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-office-jcp-redcar-and-cleveland)'
  'Access__Offices__jcp-sandwell': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-office-jcp-sandwell)'
  'Access__Offices__jcp-somerset': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-office-jcp-somerset)'
  'Access__Offices__jcp-southampton': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-office-jcp-southampton)'
  'Access__Offices__jcp-westminster': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-office-jcp-westminster)'
  'Access__Centres__cc-blackpool-bloomfield': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-blackpool-bloomfield)'
  'Access__Centres__cc-blackpool-grange': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-blackpool-grange)'
  'Access__Centres__cc-blackpool-layton': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-blackpool-layton)'
  'Access__Centres__cc-ealing-acton': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-ealing-acton)'
  'Access__Centres__cc-ealing-dormers-wells': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-ealing-dormers-wells)'
  'Access__Centres__cc-ealing-ealing-green': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-ealing-ealing-green)'
  'Access__Centres__cc-kingston-upon-hull-newland': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-kingston-upon-hull-newland)'
  'Access__Centres__cc-kingston-upon-hull-thornton': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-kingston-upon-hull-thornton)'
  'Access__Centres__cc-kingston-upon-hull-west-park': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-kingston-upon-hull-west-park)'
  'Access__Centres__cc-lambeth-brixton-hill': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-lambeth-brixton-hill)'
  'Access__Centres__cc-lambeth-kennington': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-lambeth-kennington)'
  'Access__Centres__cc-lambeth-stockwell': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-lambeth-stockwell)'
  'Access__Centres__cc-nottingham-city-lenton': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-nottingham-city-lenton)'
  'Access__Centres__cc-nottingham-city-meadows': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-nottingham-city-meadows)'
  'Access__Centres__cc-nottingham-city-sherwood': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-nottingham-city-sherwood)'
  'Access__Centres__cc-redcar-and-cleveland-brotton': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-redcar-and-cleveland-brotton)'
  'Access__Centres__cc-redcar-and-cleveland-dormanstown': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-redcar-and-cleveland-dormanstown)'
  'Access__Centres__cc-redcar-and-cleveland-guisborough': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-redcar-and-cleveland-guisborough)'
  'Access__Centres__cc-sandwell-lyndon': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-sandwell-lyndon)'
  'Access__Centres__cc-sandwell-oldbury': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-sandwell-oldbury)'
  'Access__Centres__cc-sandwell-rowley-regis': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-sandwell-rowley-regis)'
  'Access__Centres__cc-somerset-dulverton': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-somerset-dulverton)'
  'Access__Centres__cc-somerset-minehead': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-somerset-minehead)'
  'Access__Centres__cc-somerset-taunton': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-somerset-taunton)'
  'Access__Centres__cc-southampton-northam': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-southampton-northam)'
  'Access__Centres__cc-southampton-shirley': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-southampton-shirley)'
  'Access__Centres__cc-southampton-st-marys': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-southampton-st-marys)'
  'Access__Centres__cc-westminster-lisson-grove': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-westminster-lisson-grove)'
  'Access__Centres__cc-westminster-paddington': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-westminster-paddington)'
  'Access__Centres__cc-westminster-pimlico': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/access-centre-cc-westminster-pimlico)'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (the default would be a system one).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }

  // Deployments authenticate with Entra ID (the CI's federated identity), never with publishing passwords.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: { allow: false }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: { allow: false }
  }
}

output id string = app.id
output name string = app.name
output defaultHostName string = app.properties.defaultHostName
