using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Shared.Pages;

/// <summary>
/// The keys that sign the pages' session cookie and anti-forgery tokens, derived (HKDF-SHA256, one label each) from
/// <c>Wfi:TokenSigningKey</c>, the secret the app already checks at start-up and holds in Key Vault. A label keeps
/// each use apart: no session cookie is a valid choice link or anti-forgery token, nor the other way round.
/// </summary>
public sealed class PageKeys(IOptions<WfiOptions> options)
{
    private readonly byte[] _session = Derive(options.Value.TokenKey(), "pilot-pages-session-v1");
    private readonly byte[] _antiForgery = Derive(options.Value.TokenKey(), "pilot-pages-antiforgery-v1");

    public byte[] Sign(PageKeyUse use, string text)
        => HMACSHA256.HashData(use == PageKeyUse.Session ? _session : _antiForgery, Encoding.UTF8.GetBytes(text));

    private static byte[] Derive(byte[] secret, string label)
        => HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Encoding.UTF8.GetBytes(label));
}

public enum PageKeyUse
{
    Session,
    AntiForgery,
}
