using System.Globalization;
using System.Text;
using PdfSharp.Pdf.IO;

namespace Pilot.Shared.UnitTests.Letters;

/// <summary>One text-showing operation as drawn in a PDF: font size (pt) and the baseline origin in
/// millimetres from the page's top-left corner.</summary>
internal sealed record PdfTextRun(int Page, double FontSize, double LeftMm, double BaselineMm);

/// <summary>
/// Reads where text was actually drawn, straight from the PDF's content streams (BT/ET, Tf, Td, Tj),
/// independently of the layout that asked for it. Enough of the content-stream grammar for what
/// PDFsharp writes; anything else (a Tm or a cm inside text) fails loudly rather than guess.
/// </summary>
internal static class PdfTextRuns
{
    private const double PointsPerMm = 72.0 / 25.4;

    public static IReadOnlyList<PdfTextRun> Read(byte[] pdf)
    {
        var runs = new List<PdfTextRun>();
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        for (var p = 0; p < document.PageCount; p++)
        {
            var page = document.Pages[p];
            var height = page.MediaBox.Height;
            var content = Encoding.Latin1.GetString(page.Contents.CreateSingleContent().Stream.UnfilteredValue);
            var operands = new List<string>();
            double size = 0, x = 0, y = 0;
            foreach (var token in Tokens(content))
            {
                switch (token)
                {
                    case "BT":
                        x = 0;
                        y = 0;
                        break;
                    case "Tf":
                        size = Number(operands[^1]);
                        break;
                    case "Td":
                        x += Number(operands[^2]);
                        y += Number(operands[^1]);
                        break;
                    case "Tj" or "TJ":
                        runs.Add(new PdfTextRun(p + 1, size, x / PointsPerMm, (height - y) / PointsPerMm));
                        break;
                    case "Tm" or "TD" or "T*" or "'" or "\"":
                        throw new NotSupportedException($"content operator {token} is not read by this test helper");
                }

                if (IsOperator(token))
                {
                    operands.Clear();
                }
                else
                {
                    operands.Add(token);
                }
            }
        }

        return runs;
    }

    private static double Number(string token) => double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsOperator(string token) =>
        token.Length > 0 && (char.IsLetter(token[0]) || token[0] is '\'' or '"' || token == "T*");

    private static IEnumerable<string> Tokens(string content)
    {
        var i = 0;
        while (i < content.Length)
        {
            var c = content[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '<' or '[' or '(')
            {
                var close = c switch { '<' => '>', '[' => ']', _ => ')' };
                var end = content.IndexOf(close, i + 1);
                yield return content[i..(end + 1)];
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < content.Length && !char.IsWhiteSpace(content[i]) && content[i] is not ('<' or '[' or '(' or '/') || i == start)
                {
                    i++;
                }

                yield return content[start..i];
            }
        }
    }
}
