using Microsoft.AspNetCore.Http;

namespace Pilot.Functions.Http;

/// <summary>A page's posted form, read from at most the same 1 MB as every other body.</summary>
public static class PageForms
{
    /// <returns>The form, or null when the body is too large or not a form.</returns>
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType || await JsonBody.ReadAtMostAsync(request, ct) is not { } body)
        {
            return null;
        }

        request.Body = new MemoryStream(body, writable: false);
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
