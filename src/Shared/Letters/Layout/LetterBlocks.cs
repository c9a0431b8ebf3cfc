namespace Pilot.Shared.Letters.Layout;

/// <summary>A piece of the letter's body; the flow keeps each block on one page.</summary>
public abstract record LetterBlock;

/// <param name="Scale">Size relative to the body text (a heading is larger).</param>
/// <param name="Bullet">Printed after a bullet, indented.</param>
/// <param name="KeepWithNext">A heading: never left alone at the foot of a page.</param>
public sealed record LetterParagraph(string Text, bool Bold = false, double Scale = 1.0, bool Bullet = false, bool KeepWithNext = false) : LetterBlock;

/// <summary>Two framed columns side by side (the two interview options).</summary>
public sealed record LetterColumns(IReadOnlyList<LetterParagraph> Left, IReadOnlyList<LetterParagraph> Right) : LetterBlock;
