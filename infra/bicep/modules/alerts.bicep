// The three alerts operators act on (docs/operations.md says what each means and what to do), as
// log queries over the app's Application Insights data, sent to one action group.
param namePrefix string
param location string
param tags object
param applicationInsightsId string

@description('Email addresses told when an alert fires; empty: alerts show in the portal only.')
param alertEmails array

@description('The dispatch function; the timer alert fires when it has not run for timerSilenceMinutes.')
param dispatchFunctionName string
param timerSilenceMinutes int

@description('Percentage of finished texts (delivered or failed) that failed, over 30 minutes, above which the SMS alert fires.')
param smsFailurePercentThreshold int

@description('Fewest finished texts in the window before the failure rate counts (a single failure of two is not a trend).')
param smsFailureMinimumTexts int

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(namePrefix, 12)
    enabled: true
    emailReceivers: [
      for (email, i) in alertEmails: {
        name: 'email-${i}'
        emailAddress: email
        useCommonAlertSchema: true
      }
    ]
  }
}

// A message moved to a `<queue>-poison` queue: the Functions host logs "Moving message to queue
// '<queue>-poison'" and the app logs the reason; either is enough to look.
resource poisonMessages 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${namePrefix}-poison-queue'
  location: location
  tags: tags
  properties: {
    displayName: 'Pilot: a message went to a poison queue'
    description: 'A queue message failed maxDequeueCount times and was moved to <queue>-poison. See docs/operations.md, "Replaying a poison queue".'
    severity: 2
    enabled: true
    scopes: [applicationInsightsId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'union traces, exceptions | where message contains "-poison" or outerMessage contains "-poison"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: false
    actions: { actionGroups: [actionGroup.id] }
  }
}

// Texts that ended failed, as a share of texts that ended at all (the "SMS outcome" log event the app
// writes when a text reaches delivered or failed, at send or by a provider's receipt).
resource smsFailureRate 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${namePrefix}-sms-failure-rate'
  location: location
  tags: tags
  properties: {
    displayName: 'Pilot: SMS failure rate above ${smsFailurePercentThreshold}%'
    description: 'More than ${smsFailurePercentThreshold}% of the texts that finished in the last 30 minutes failed. See docs/operations.md, "Alerts".'
    severity: 2
    enabled: true
    scopes: [applicationInsightsId]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT30M'
    criteria: {
      allOf: [
        {
          query: 'traces | where message startswith "SMS outcome" | extend Outcome = tostring(customDimensions.SmsOutcome) | summarize Finished = count(), Failed = countif(Outcome == "failed") | where Finished >= ${smsFailureMinimumTexts} | extend FailurePercent = 100.0 * Failed / Finished'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'FailurePercent'
          operator: 'GreaterThan'
          threshold: smsFailurePercentThreshold
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: true
    actions: { actionGroups: [actionGroup.id] }
  }
}

// The minute timer that queues every reminder has not run: no invocation of the dispatch function.
resource timerSilent 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${namePrefix}-reminder-timer-silent'
  location: location
  tags: tags
  properties: {
    displayName: 'Pilot: the reminder timer has not run for ${timerSilenceMinutes} minutes'
    description: '${dispatchFunctionName} runs every minute; no run in ${timerSilenceMinutes} minutes means no reminder is being queued. See docs/operations.md, "Alerts".'
    severity: 1
    enabled: true
    scopes: [applicationInsightsId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT${timerSilenceMinutes}M'
    criteria: {
      allOf: [
        {
          query: 'requests | where operation_Name == "${dispatchFunctionName}"'
          timeAggregation: 'Count'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: true
    actions: { actionGroups: [actionGroup.id] }
  }
}

output actionGroupId string = actionGroup.id
