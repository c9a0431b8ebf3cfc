namespace Pilot.Shared.Letters;

/// <summary>Lays a letter out as an A4 PDF that passes GOV.UK Notify's precompiled-letter rules.</summary>
public interface ILetterRenderer
{
    byte[] Render(WfiLetter letter);
}
