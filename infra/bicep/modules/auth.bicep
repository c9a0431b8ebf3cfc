// Staff sign in to the pages with Microsoft Entra ID through App Service Authentication (Easy Auth).
// Requests without a sign-in still reach the app (AllowAnonymous): API callers present role keys, providers
// sign their webhooks and parents hold signed links; the pages themselves refuse anyone Easy Auth has not
// signed in (src/Functions/Http/PageGate.cs reads X-MS-CLIENT-PRINCIPAL only where Easy Auth is on).
//
// The app registration (entraClientId) is made once per tenant, outside this template:
//  - redirect URI https://<app host>/.auth/login/aad/callback, ID tokens issued (no client secret is stored);
//  - app roles whose values name one Pilot principal each: Central, Office.<office id> (Office.jcp-lambeth),
//    Centre.<centre venue id> (Centre.cc-lambeth-stockwell); a person is assigned exactly one.
param appName string

@description('Application (client) ID of the Entra ID app registration staff sign in through.')
param entraClientId string

@description('Directory (tenant) ID the app registration lives in.')
param tenantId string = tenant().tenantId

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: appName
}

resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
          clientId: entraClientId
        }
        validation: {
          allowedAudiences: [
            'api://${entraClientId}'
            entraClientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
      preserveUrlFragmentsForLogins: false
    }
  }
}

output enabled bool = auth.properties.platform.enabled
