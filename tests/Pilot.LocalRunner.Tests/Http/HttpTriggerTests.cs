using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Http;
using Pilot.LocalRunner.Tests.Support;

namespace Pilot.LocalRunner.Tests.Http;

public sealed class HttpTriggerTests
{
    private static readonly string[] SampleHttpFunctions = ["SampleItem", "SampleOrderNumber", "SampleBroken"];

    [Fact]
    public async Task Route_parameter_is_bound_by_name_and_an_IActionResult_answers_camelCase_json()
    {
        await using var runner = await TestRunner.StartAsync(SampleHttpFunctions);
        using var client = runner.CreateClient();
        var id = Guid.NewGuid();

        using var response = await client.GetAsync($"/api/items/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(id, body.RootElement.GetProperty("itemId").GetGuid());
        Assert.Equal("Sample item", body.RootElement.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task A_function_level_route_needs_a_configured_key_and_an_anonymous_one_does_not()
    {
        await using var runner = await TestRunner.StartAsync(SampleHttpFunctions, new Dictionary<string, string?>
        {
            ["LocalRunner:FunctionKeys"] = "key-one, key-two",
            ["Access:Offices:jcp-lambeth"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("office-key"u8)),
        });
        using var client = runner.CreateClientWithoutKey();
        var path = $"/api/items/{Guid.NewGuid()}";

        using var none = await client.GetAsync(path);
        using var wrong = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "x-functions-key", "local-dev-key" } } });
        using var header = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "x-functions-key", "key-two" } } });
        using var code = await client.GetAsync(path + "?code=key-one");
        using var office = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "x-functions-key", "office-key" } } });
        using var anonymous = await client.GetAsync("/api/orders/7");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.All([header, code, office, anonymous], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task Without_configured_keys_the_documented_development_key_opens_function_routes()
    {
        await using var runner = await TestRunner.StartAsync(SampleHttpFunctions);

        using var withKey = await runner.CreateClient().GetAsync($"/api/items/{Guid.NewGuid()}");
        using var without = await runner.CreateClientWithoutKey().GetAsync($"/api/items/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
    }

    [Fact]
    public async Task Function_answers_only_its_declared_methods()
    {
        await using var runner = await TestRunner.StartAsync(SampleHttpFunctions);
        using var client = runner.CreateClient();

        using var post = await client.PostAsync($"/api/items/{Guid.NewGuid()}", content: null);
        using var delete = await client.DeleteAsync("/api/orders/7");
        using var put = await client.PutAsync("/api/orders/7", content: null);
        using var undeclared = await client.GetAsync("/api/nowhere");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("{\"number\":7,\"method\":\"PUT\"}", await put.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, undeclared.StatusCode);
    }

    [Fact]
    public async Task Route_constraint_keeps_a_value_that_does_not_match_from_the_function()
    {
        await using var runner = await TestRunner.StartAsync(SampleHttpFunctions);
        using var client = runner.CreateClient();

        using var response = await client.GetAsync("/api/orders/seven");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Route_value_that_does_not_convert_fails_the_invocation_with_a_500_as_the_worker_does()
    {
        await using var runner = await TestRunner.StartAsync(SampleHttpFunctions);
        using var client = runner.CreateClient();

        using var response = await client.GetAsync("/api/items/not-a-guid");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var failed = Assert.Single(runner.Logs.At(LogLevel.Error));
        Assert.Contains("'not-a-guid' is not a valid Guid for route parameter 'id'", failed.Exception?.Message);
    }

    [Fact]
    public async Task Unhandled_exception_is_a_500_problem_without_its_detail_and_an_error_log()
    {
        await using var runner = await TestRunner.StartAsync(SampleHttpFunctions);
        using var client = runner.CreateClient();

        using var response = await client.GetAsync("/api/broken");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret detail", body);
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        var error = Assert.Single(runner.Logs.At(LogLevel.Error));
        Assert.Contains("'SampleBroken' (Failed", error.Message);
        Assert.Equal("secret detail that must not reach the caller", error.Exception?.Message);
    }

    [Fact]
    public async Task Authorization_seam_is_asked_with_the_declared_level_and_can_refuse()
    {
        var refusing = new RefusingAuthorization();
        await using var runner = await TestRunner.StartAsync(
            SampleHttpFunctions,
            configure: builder => builder.Services.AddSingleton<IHttpFunctionAuthorization>(refusing));
        using var client = runner.CreateClient();

        using var response = await client.GetAsync($"/api/items/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(("SampleItem", AuthorizationLevel.Function), Assert.Single(refusing.Asked));
    }

    private sealed class RefusingAuthorization : IHttpFunctionAuthorization
    {
        public List<(string Function, AuthorizationLevel Level)> Asked { get; } = [];

        public ValueTask<IResult?> AuthorizeAsync(HttpContext context, string functionName, AuthorizationLevel level)
        {
            Asked.Add((functionName, level));
            return ValueTask.FromResult<IResult?>(Results.Unauthorized());
        }
    }
}
