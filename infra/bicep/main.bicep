// Everything Pilot needs in one resource group: a Function App on Flex Consumption running as a
// user-assigned identity, its storage (identity only), Key Vault for provider secrets, Log Analytics
// and Application Insights with the alerts, and optionally Azure Communication Services for SMS.
// Deployed by .github/workflows/deploy.yml (dev, then prod) or `azd up`; see docs/operations.md.
targetScope = 'resourceGroup'

@description('Environment name (dev, prod, or an azd environment): part of every resource name.')
@minLength(2)
@maxLength(12)
param environmentName string

param location string = resourceGroup().location

@description('Flex Consumption instance memory in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

// Flex Consumption accepts 40 to 1,000 (Microsoft Learn, "Event-driven scaling in Azure Functions",
// Limit scale-out: "the lowest maximum instance count value is 40"; some later pages say 1, and 40
// satisfies both). A lower value is refused by the platform, so it is refused here first.
@description('Most Flex Consumption instances (40 to 1,000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Storage redundancy: Standard_LRS for dev, Standard_ZRS where the region has zones.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSkuName string = 'Standard_LRS'

@description('Turn Key Vault purge protection on (cannot be turned off again): prod.')
param keyVaultPurgeProtection bool = false

@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Ordered SMS providers (Sms:Providers): "", "twilio", "acs" or "twilio,acs". Empty: texts go to the Outbox table only.')
param smsProviders string = ''

@description('Public address providers call (Sms:PublicBaseUrl); empty: the Function App\'s own https address.')
param smsPublicBaseUrl string = ''

@description('Twilio account SID (not a secret; the auth token goes in Key Vault as twilio-auth-token).')
param twilioAccountSid string = ''

@description('Twilio sender number (E.164) or alphanumeric id; or give twilioMessagingServiceSid.')
param twilioFrom string = ''

param twilioMessagingServiceSid string = ''

@description('Create an Azure Communication Services resource and put its connection string in Key Vault.')
param deployCommunicationServices bool = false

@description('Where ACS keeps its data.')
param communicationDataLocation string = 'UK'

@description('The ACS SMS number (E.164) texts come from (Sms:Acs:From); bought in the portal.')
param acsSmsFrom string = ''

@description('The number parents text 1 or 2 to, as printed on WFI letters; empty: twilioFrom.')
param wfiReplyNumber string = ''

@description('Post letters through GOV.UK Notify once its API key is in Key Vault (notify-api-key); false: the print-batch folder.')
param lettersThroughNotify bool = false

@description('Who is emailed when an alert fires.')
param alertEmails array = []

@description('Percentage of finished texts that failed, over 30 minutes, above which the SMS alert fires.')
@minValue(1)
@maxValue(100)
param smsFailurePercentThreshold int = 20

@description('Minutes without a reminder-timer run before its alert fires.')
@minValue(5)
@maxValue(1440)
param timerSilenceMinutes int = 15

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName, application: 'pilot' }
var reminderSendQueue = 'reminder-send'
var interactiveSendQueue = 'interactive-send'
// Names are computed here, not read from module outputs, so what-if on a pull request can predict them.
var names = {
  identity: 'id-pilot-${resourceToken}'
  logAnalytics: 'log-pilot-${resourceToken}'
  applicationInsights: 'appi-pilot-${resourceToken}'
  storage: 'stpilot${resourceToken}'
  keyVault: 'kv-pilot-${resourceToken}'
  communication: 'acs-pilot-${resourceToken}'
  plan: 'plan-pilot-${resourceToken}'
  functionApp: 'func-pilot-${resourceToken}'
}

// Key Vault secret names (values are set by operators, docs/operations.md, or copied from ACS here).
var secretNames = {
  twilioAuthToken: 'twilio-auth-token'
  acsConnectionString: 'acs-connection-string'
  acsEventGridKey: 'acs-eventgrid-key'
  notifyApiKey: 'notify-api-key'
  wfiTokenSigningKey: 'wfi-token-signing-key'
  smsNumberKeySecret: 'sms-number-key-secret'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: 'app-package'
    lettersContainerName: 'letters'
    sendQueueName: reminderSendQueue
    interactiveSendQueueName: interactiveSendQueue
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module communication 'modules/communication.bicep' = if (deployCommunicationServices) {
  name: 'communication'
  dependsOn: [keyVault]
  params: {
    name: names.communication
    dataLocation: communicationDataLocation
    tags: tags
    keyVaultName: names.keyVault
    connectionStringSecretName: secretNames.acsConnectionString
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  dependsOn: [storage, keyVault, monitoring]
  params: {
    // The assignments are named from the principal id (role-assignments.bicep says why), which exists only
    // once the identity does: what-if shows them as unpredictable rather than wrong.
    #disable-next-line what-if-short-circuiting
    principalId: identity.outputs.principalId
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  // The host reaches storage and Key Vault with the identity at its first start: roles first.
  dependsOn: [roles]
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.uri
    secretNames: secretNames
    reminderSendQueue: reminderSendQueue
    interactiveSendQueue: interactiveSendQueue
    smsProviders: smsProviders
    smsPublicBaseUrl: smsPublicBaseUrl
    twilioAccountSid: twilioAccountSid
    twilioFrom: twilioFrom
    twilioMessagingServiceSid: twilioMessagingServiceSid
    acsFrom: acsSmsFrom
    deployCommunicationServices: deployCommunicationServices
    wfiReplyNumber: empty(wfiReplyNumber) ? twilioFrom : wfiReplyNumber
    lettersThroughNotify: lettersThroughNotify
  }
}

@description('Entra ID app registration for staff sign-in to the pages (modules/auth.bicep); empty leaves App Service Authentication off.')
param entraClientId string = ''

module auth 'modules/auth.bicep' = if (!empty(entraClientId)) {
  name: 'auth'
  dependsOn: [functionApp]
  params: {
    appName: names.functionApp
    entraClientId: entraClientId
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: 'pilot-${environmentName}'
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    alertEmails: alertEmails
    dispatchFunctionName: 'DispatchDueReminders'
    timerSilenceMinutes: timerSilenceMinutes
    smsFailurePercentThreshold: smsFailurePercentThreshold
    smsFailureMinimumTexts: 10
  }
}

// Read by azd (as environment values) and by the deploy workflow.
output AZURE_LOCATION string = location
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_LETTERS_CONTAINER string = storage.outputs.lettersContainerName
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output KEY_VAULT_SECRET_NAMES object = secretNames
