using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Reminders;
using Pilot.Infra.Tests.Settings;
using Pilot.Infra.Tests.Support;
using Pilot.Shared.Sms;

namespace Pilot.Infra.Tests.Arm;

/// <summary>The security and hosting settings the issue asks for, read from the compiled ARM JSON.</summary>
[Collection(SharedCompiledTemplate.Name)]
public sealed class SecuritySettingsTests(CompiledTemplate template)
{
    private static readonly Dictionary<string, string> ExpectedRoles = new(StringComparer.Ordinal)
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
    };

    [Fact]
    public void Storage_refuses_shared_keys_old_tls_public_blobs_and_plain_http()
    {
        var storage = template.One("Microsoft.Storage/storageAccounts");
        Assert.Equal("false", storage.Text("allowSharedKeyAccess"));
        Assert.Equal("TLS1_2", storage.Text("minimumTlsVersion"));
        Assert.Equal("false", storage.Text("allowBlobPublicAccess"));
        Assert.Equal("true", storage.Text("supportsHttpsTrafficOnly"));
    }

    [Fact]
    public void Storage_has_private_letters_and_deployment_containers_queues_and_tables()
    {
        var containers = template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.Equal(2, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", c.Text("publicAccess")));
        Assert.Contains(containers, c => c.Name.Contains("lettersContainerName", StringComparison.Ordinal));
        Assert.Contains(containers, c => c.Name.Contains("deploymentContainerName", StringComparison.Ordinal));
        Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/queueServices"));
        Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/tableServices"));
        Assert.Contains(template.OfType("Microsoft.Storage/storageAccounts/queueServices/queues"), q => q.Name.Contains("-poison", StringComparison.Ordinal));
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_flex_consumption_as_a_user_assigned_identity()
    {
        var plan = template.One("Microsoft.Web/serverfarms");
        Assert.Equal("FlexConsumption", (string?)plan.Json["sku"]?["tier"]);
        Assert.Equal("FC1", (string?)plan.Json["sku"]?["name"]);

        var app = template.One("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)app.Json["kind"]);
        Assert.Equal("UserAssigned", (string?)app.Json["identity"]?["type"]);
        Assert.Equal("true", app.Text("httpsOnly"));
        Assert.Equal("1.2", app.Text("siteConfig.minTlsVersion"));
        Assert.Equal("dotnet-isolated", app.Text("functionAppConfig.runtime.name"));
        Assert.Equal("10.0", app.Text("functionAppConfig.runtime.version"));
        Assert.NotNull(app.Text("keyVaultReferenceIdentity"));
    }

    [Fact]
    public void Deployment_package_container_is_reached_with_the_user_assigned_identity()
    {
        var app = template.One("Microsoft.Web/sites");
        Assert.Equal("blobContainer", app.Text("functionAppConfig.deployment.storage.type"));
        Assert.Equal("UserAssignedIdentity", app.Text("functionAppConfig.deployment.storage.authentication.type"));
        Assert.Equal(app.Text("keyVaultReferenceIdentity"), app.Text("functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"));
        Assert.Null(app.Text("functionAppConfig.deployment.storage.authentication.storageAccountConnectionStringName"));
    }

    [Fact]
    public void Instance_memory_and_maximum_instances_are_parameters_of_main()
    {
        var app = template.One("Microsoft.Web/sites");
        Assert.Equal("[parameters('instanceMemoryMB')]", app.Text("functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));
        Assert.Equal("[parameters('maximumInstanceCount')]", app.Text("functionAppConfig.scaleAndConcurrency.maximumInstanceCount"));
        var parameters = template.Root["parameters"]!.AsObject();
        Assert.True(parameters.ContainsKey("instanceMemoryMB"));
        Assert.True(parameters.ContainsKey("maximumInstanceCount"));
        Assert.Equal(40, (int?)parameters["maximumInstanceCount"]!["minValue"]);
        Assert.Equal(1000, (int?)parameters["maximumInstanceCount"]!["maxValue"]);
        Assert.InRange((int)parameters["maximumInstanceCount"]!["defaultValue"]!, 40, 1000);
    }

    [Fact]
    public void Publishing_passwords_are_off()
    {
        var policies = template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.Equal("false", p.Text("allow")));
    }

    [Fact]
    public void App_reaches_storage_by_identity_never_by_connection_string()
    {
        var settings = template.AppSettings();
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        foreach (var key in new[] { "clientId", "blobServiceUri", "queueServiceUri", "tableServiceUri" })
        {
            Assert.False(string.IsNullOrEmpty(settings[$"AzureWebJobsStorage__{key}"]), $"AzureWebJobsStorage__{key} is empty");
        }

        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage as a connection string needs shared keys, which the account refuses.");
        Assert.DoesNotContain(settings.Values, v => v.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase) || v.Contains("listKeys", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_setting_flex_consumption_refuses_is_set()
    {
        // Flex Consumption takes these from functionAppConfig (or has no use for them) and fails a deployment that sets them.
        string[] refused = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_NODE_DEFAULT_VERSION"];
        Assert.Empty(template.AppSettings().Keys.Intersect(refused, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Key_vault_uses_rbac_and_the_app_has_the_five_roles_named_by_scope_principal_and_role()
    {
        var vault = template.One("Microsoft.KeyVault/vaults");
        Assert.Equal("true", vault.Text("enableRbacAuthorization"));
        Assert.Null(vault.Properties["accessPolicies"]);

        var assignments = template.OfType("Microsoft.Authorization/roleAssignments").ToList();
        var roles = assignments.Select(RoleDefinitionOf).ToList();
        Assert.Equal(ExpectedRoles.Keys.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
        Assert.All(assignments, a =>
        {
            // Seeded with the principal id (new when the identity is recreated), never the identity's resource id.
            Assert.StartsWith("[guid(", a.Name, StringComparison.Ordinal);
            Assert.Contains("parameters('principalId')", a.Name, StringComparison.Ordinal);
            Assert.DoesNotContain("userAssignedIdentities", a.Name, StringComparison.Ordinal);
            Assert.Equal("[parameters('principalId')]", a.Text("principalId"));
            Assert.Equal("ServicePrincipal", a.Text("principalType"));
        });
    }

    [Fact]
    public void Application_insights_takes_only_entra_authenticated_telemetry_from_the_app_identity()
    {
        var insights = template.One("Microsoft.Insights/components");
        Assert.Equal("true", insights.Text("DisableLocalAuth"));
        Assert.NotNull(insights.Text("WorkspaceResourceId"));
        Assert.Single(template.OfType("Microsoft.OperationalInsights/workspaces"));
        var settings = template.AppSettings();
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Contains("ClientId=", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]));
    }

    [Fact]
    public void Alerts_watch_poison_queues_the_sms_failure_rate_and_the_reminder_timer()
    {
        var queries = template.OfType("Microsoft.Insights/scheduledQueryRules")
            .ToDictionary(r => r.Name, r => r.Properties["criteria"]!["allOf"]![0]!["query"]!.ToString(), StringComparer.Ordinal);
        Assert.Equal(3, queries.Count);
        Assert.Contains(queries, q => q.Key.Contains("poison", StringComparison.Ordinal) && q.Value.Contains("-poison", StringComparison.Ordinal));
        // The SMS alert reads the event the app writes when a text finishes (SmsOutcomeLog).
        Assert.Contains(queries, q => q.Key.Contains("sms-failure-rate", StringComparison.Ordinal)
            && q.Value.Contains($"\"{SmsOutcomeLog.MessagePrefix}\"", StringComparison.Ordinal)
            && q.Value.Contains(SmsOutcomeLog.OutcomeField, StringComparison.Ordinal)
            && q.Value.Contains($"\"{SmsOutcomeLog.Failed}\"", StringComparison.Ordinal));
        // The timer alert names the real dispatch function (its [Function] name).
        var dispatch = typeof(DispatchDueRemindersFunction).GetMethod(nameof(DispatchDueRemindersFunction.Run))!.GetCustomAttribute<FunctionAttribute>()!.Name;
        var timerModule = (JsonObject)FindModule(template.Root, "alerts")!;
        Assert.Equal(dispatch, (string?)timerModule["properties"]!["parameters"]!["dispatchFunctionName"]!["value"]);
        Assert.Contains(queries, q => q.Key.Contains("timer", StringComparison.Ordinal) && q.Value.Contains("dispatchFunctionName", StringComparison.Ordinal));
    }

    [Fact]
    public void No_secret_is_a_parameter_default_or_in_a_parameters_file()
    {
        var parameters = template.Root["parameters"]!.AsObject();
        foreach (var (name, definition) in parameters)
        {
            var type = (string?)definition!["type"];
            Assert.False(Secrets.LooksSecret(name), $"main.bicep parameter {name} looks like a secret: secrets live in Key Vault.");
            Assert.False(type is "securestring" or "secureObject" && definition["defaultValue"] is not null, $"Secure parameter {name} has a default.");
        }

        foreach (var file in Directory.EnumerateFiles(Repository.BicepFolder, "*.bicepparam", SearchOption.AllDirectories))
        {
            var names = File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.StartsWith("param ", StringComparison.Ordinal)).Select(l => l.Split(' ', 3)[1]);
            Assert.DoesNotContain(names, Secrets.LooksSecret);
        }
    }

    [Fact]
    public void Communication_services_is_optional_and_its_key_goes_straight_to_key_vault()
    {
        var module = (JsonObject)FindModule(template.Root, "communication")!;
        Assert.Equal("[parameters('deployCommunicationServices')]", (string?)module["condition"]);
        var secret = template.One("Microsoft.KeyVault/vaults/secrets");
        Assert.Contains("listKeys(", secret.Text("value"), StringComparison.Ordinal);
        Assert.Contains(template.Root["parameters"]!.AsObject(), p => p.Key == "acsSmsFrom");
    }

    [Fact]
    public void Staff_sign_in_is_easy_auth_with_entra_id_that_lets_keys_signatures_and_links_through_and_is_off_without_a_client_id()
    {
        var module = (JsonObject)FindModule(template.Root, "auth")!;
        Assert.Equal("[not(empty(parameters('entraClientId')))]", (string?)module["condition"]);

        var auth = Assert.Single(template.OfType("Microsoft.Web/sites/config"), c => c.Module == "auth");
        Assert.Contains("authsettingsV2", auth.Name, StringComparison.Ordinal);
        Assert.Equal("true", auth.Text("platform.enabled"));
        // API callers, providers' webhooks and parents' links carry no Entra sign-in: they must still reach the app.
        Assert.Equal("false", auth.Text("globalValidation.requireAuthentication"));
        Assert.Equal("AllowAnonymous", auth.Text("globalValidation.unauthenticatedClientAction"));
        Assert.Equal("true", auth.Text("httpSettings.requireHttps"));
        Assert.Equal("true", auth.Text("identityProviders.azureActiveDirectory.enabled"));
        Assert.Equal("[parameters('entraClientId')]", auth.Text("identityProviders.azureActiveDirectory.registration.clientId"));
        Assert.Null(auth.Text("identityProviders.azureActiveDirectory.registration.clientSecretSettingName"));
        Assert.Equal("false", auth.Text("login.tokenStore.enabled"));
    }

    /// <summary>The role definition GUID, written inline or as <c>variables('roles').someRole</c>.</summary>
    private static string RoleDefinitionOf(ArmResource assignment)
    {
        var expression = assignment.Text("roleDefinitionId")!;
        var match = System.Text.RegularExpressions.Regex.Match(expression, @"variables\('(\w+)'\)\.(\w+)");
        var resolved = match.Success ? assignment.Variables[match.Groups[1].Value]?[match.Groups[2].Value]?.ToString() ?? expression : expression;
        return ExpectedRoles.Keys.SingleOrDefault(id => resolved.Contains(id, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Unexpected role definition {resolved}");
    }

    private static JsonNode? FindModule(JsonObject root, string name) =>
        root["resources"] switch
        {
            JsonArray array => array.FirstOrDefault(r => (string?)r!["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name),
            JsonObject byName => byName.Select(p => p.Value).FirstOrDefault(r => (string?)r!["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name),
            _ => null,
        };
}
