using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PdfSharp;
using PdfSharp.Pdf;
using Pilot.ProviderSimulators.Tests.Support;

namespace Pilot.ProviderSimulators.Tests.Notify;

/// <summary>
/// The Notify simulator driven over raw HTTP with tokens made by Microsoft's JWT library, not by the
/// app's own client: what it accepts and refuses is Notify's contract, not ours restated.
/// </summary>
public sealed class NotifyApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly string ServiceId = SimulatorOptions.DefaultNotifyApiKey[^73..^37];
    private static readonly string Secret = SimulatorOptions.DefaultNotifyApiKey[^36..];

    [Fact]
    public async Task Precompiled_letter_is_accepted_with_id_reference_and_postage()
    {
        await using var simulator = await StartAsync();
        var pdf = Pdf(2);

        var (response, json) = await PostAsync(simulator, Token(), Letter("WFI-1", pdf, "first"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var letter = Assert.Single(simulator.Notify.Letters.Snapshot());
        Assert.Equal(letter.Id, json!["id"]!.GetValue<string>());
        Assert.Equal("WFI-1", json["reference"]!.GetValue<string>());
        Assert.Equal("first", json["postage"]!.GetValue<string>());
        Assert.Equal(pdf, letter.Pdf);
        Assert.Equal(2, letter.PageCount);
    }

    [Fact]
    public async Task Postage_defaults_to_second_class()
    {
        await using var simulator = await StartAsync();

        var (_, json) = await PostAsync(simulator, Token(), new JsonObject { ["reference"] = "WFI-1", ["content"] = Convert.ToBase64String(Pdf(1)) });

        Assert.Equal("second", json!["postage"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(29, HttpStatusCode.Created)]
    [InlineData(-29, HttpStatusCode.Created)]
    [InlineData(31, HttpStatusCode.Forbidden)]
    [InlineData(-31, HttpStatusCode.Forbidden)]
    public async Task Token_must_be_issued_within_30_seconds_of_notifys_clock(int secondsAgo, HttpStatusCode expected)
    {
        await using var simulator = await StartAsync();

        var (response, _) = await PostAsync(simulator, Token(issuedAt: Now.AddSeconds(-secondsAgo)), Letter("WFI-1", Pdf(1)));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Token_from_another_service_or_secret_is_refused_403()
    {
        await using var simulator = await StartAsync();

        var (wrongService, body) = await PostAsync(simulator, Token(issuer: Guid.NewGuid().ToString("D")), Letter("WFI-1", Pdf(1)));
        var (wrongSecret, _) = await PostAsync(simulator, Token(secret: Guid.NewGuid().ToString("D")), Letter("WFI-1", Pdf(1)));

        Assert.Equal(HttpStatusCode.Forbidden, wrongService.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongSecret.StatusCode);
        Assert.Equal("AuthError", body!["errors"]![0]!["error"]!.GetValue<string>());
        Assert.Equal(403, body["status_code"]!.GetValue<int>());
        Assert.Empty(simulator.Notify.Letters.Snapshot());
    }

    [Fact]
    public async Task Missing_token_is_refused_401()
    {
        await using var simulator = await StartAsync();

        var (response, _) = await PostAsync(simulator, null, Letter("WFI-1", Pdf(1)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string, JsonObject> BadLetters => new()
    {
        { "not base64", new JsonObject { ["reference"] = "WFI-1", ["content"] = "%%%not base64%%%" } },
        { "not a PDF", Letter("WFI-1", "hello, this is not a pdf"u8.ToArray()) },
        { "11 pages", Letter("WFI-1", Pdf(11)) },
        { "landscape", Letter("WFI-1", Pdf(1, PageOrientation.Landscape)) },
        { "US letter", Letter("WFI-1", Pdf(1, PageOrientation.Portrait, PageSize.Letter)) },
        { "no reference", new JsonObject { ["content"] = Convert.ToBase64String(Pdf(1)) } },
        { "third class", Letter("WFI-1", Pdf(1), "third") },
    };

    [Theory]
    [MemberData(nameof(BadLetters))]
    public async Task Letter_outside_notifys_rules_is_a_400_validation_error(string why, JsonObject letter)
    {
        await using var simulator = await StartAsync();

        var (response, json) = await PostAsync(simulator, Token(), letter);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("ValidationError", json!["errors"]![0]!["error"]!.GetValue<string>());
        Assert.Empty(simulator.Notify.Letters.Snapshot());
    }

    [Fact]
    public async Task Letters_are_found_by_reference()
    {
        await using var simulator = await StartAsync();
        var (_, sent) = await PostAsync(simulator, Token(), Letter("WFI-1", Pdf(1)));
        await PostAsync(simulator, Token(), Letter("WFI-2", Pdf(1)));

        using var client = Client(simulator, Token());
        var list = await client.GetFromJsonAsync<JsonObject>("v2/notifications?template_type=letter&reference=WFI-1");

        var found = Assert.Single(list!["notifications"]!.AsArray());
        Assert.Equal(sent!["id"]!.GetValue<string>(), found!["id"]!.GetValue<string>());
        Assert.Equal("letter", found["type"]!.GetValue<string>());
    }

    private static Task<ProviderSimulator> StartAsync() =>
        ProviderSimulator.StartAsync(TestCredentials.Options with { Time = new FakeTimeProvider(Now) });

    private static string Token(DateTimeOffset? issuedAt = null, string? issuer = null, string? secret = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? ServiceId,
            Claims = new Dictionary<string, object> { ["iat"] = (issuedAt ?? Now).ToUnixTimeSeconds() },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret ?? Secret)), SecurityAlgorithms.HmacSha256),
        });

    private static JsonObject Letter(string reference, byte[] pdf, string? postage = null)
    {
        var letter = new JsonObject { ["reference"] = reference, ["content"] = Convert.ToBase64String(pdf) };
        if (postage is not null)
        {
            letter["postage"] = postage;
        }

        return letter;
    }

    private static byte[] Pdf(int pages, PageOrientation orientation = PageOrientation.Portrait, PageSize size = PageSize.A4)
    {
        using var document = new PdfDocument();
        for (var i = 0; i < pages; i++)
        {
            var page = document.AddPage();
            page.Size = size;
            page.Orientation = orientation;
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static HttpClient Client(ProviderSimulator simulator, string? token)
    {
        var client = new HttpClient { BaseAddress = simulator.BaseUri };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<(HttpResponseMessage Response, JsonObject? Json)> PostAsync(ProviderSimulator simulator, string? token, JsonObject body)
    {
        using var client = Client(simulator, token);
        var response = await client.PostAsJsonAsync("v2/notifications/letter", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonSerializer.Deserialize<JsonObject>(text));
    }
}
