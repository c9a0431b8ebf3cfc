using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;

namespace Pilot.Shared.Pages;

/// <summary>
/// The pages' Liquid templates (<c>Pages/Templates/*.liquid</c>, embedded), parsed once and rendered into the
/// GOV.UK layout. Every value is HTML-encoded on output; only the layout's <c>body</c>, itself rendered here, is not.
/// Models are dictionaries and lists of strings and numbers, so a template reaches nothing it was not given.
/// </summary>
public sealed class PageTemplates
{
    private const string ResourcePrefix = "Pilot.Shared.Pages.Templates.";

    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new(StringComparer.Ordinal);
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder().WithCultureInfo(CultureInfo.GetCultureInfo("en-GB")).Build();

    /// <param name="template">The file name without <c>.liquid</c>.</param>
    /// <param name="layout">The layout's model: title, who is signed in, the anti-forgery token.</param>
    public async Task<string> RenderAsync(string template, IReadOnlyDictionary<string, object?> model, PageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(layout);
        // Every form of the body posts the layout's anti-forgery token back.
        var withToken = new Dictionary<string, object?>(model, StringComparer.Ordinal)
        {
            ["antiforgery_field"] = PageLayout.AntiForgeryField,
            ["antiforgery"] = layout.AntiForgeryToken,
        };
        var body = await Render(Load(template), withToken);
        return await Render(Load("layout"), layout.Model(body));
    }

    private static async Task<string> Render(IFluidTemplate template, IReadOnlyDictionary<string, object?> model)
    {
        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
        {
            if (value is not null)
            {
                context.SetValue(name, value);
            }
        }

        return await template.RenderAsync(context, HtmlEncoder.Default);
    }

    private IFluidTemplate Load(string name) => _parsed.GetOrAdd(name, n =>
    {
        using var stream = typeof(PageTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + n + ".liquid")
            ?? throw new InvalidOperationException($"Page template {n}.liquid is not embedded (Pilot.Shared.csproj).");
        using var reader = new StreamReader(stream);
        return Parser.TryParse(reader.ReadToEnd(), out var parsed, out var error)
            ? parsed
            : throw new InvalidOperationException($"Page template {n}.liquid does not parse: {error}");
    });
}
