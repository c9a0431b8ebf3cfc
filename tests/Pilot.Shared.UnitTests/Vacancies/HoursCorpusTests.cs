using Pilot.Shared.Vacancies.Hours;
using Xunit.Abstractions;

namespace Pilot.Shared.UnitTests.Vacancies;

/// <summary>The parser against the hours corpus: a wrong clear reading texts a parent a job they cannot do.</summary>
public sealed class HoursCorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<HoursPhrasing> Corpus = HoursCorpus.Load(HoursCorpus.DefaultPath);

    [Fact]
    public void No_phrasing_is_read_as_clear_hours_a_careful_reader_would_not_give_it()
    {
        var figures = HoursCorpus.Score(Corpus);
        foreach (var line in figures.Lines().Concat(figures.Wrong))
        {
            output.WriteLine(line);
        }

        Assert.True(figures.Total >= 200, $"only {figures.Total} phrasings");
        Assert.True(figures.ClearWrong == 0 && figures.TermTimeWrong == 0, string.Join("\n", figures.Wrong));
    }

    [Fact]
    public void At_least_nine_in_ten_unambiguous_phrasings_are_read_as_clear()
    {
        var figures = HoursCorpus.Score(Corpus);
        foreach (var line in figures.Lines().Concat(figures.Missed))
        {
            output.WriteLine(line);
        }

        Assert.True(figures.UnambiguousReadClearShare >= 0.9, $"{figures.UnambiguousReadClear} of {figures.Unambiguous}:\n{string.Join("\n", figures.Missed)}");
    }

    [Fact]
    public void The_corpus_covers_every_sector_and_both_clear_and_unclear_phrasings()
    {
        var sectors = Corpus.Select(p => p.Sector).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["ta", "lunch", "club", "clean", "retail", "care", "hosp", "admin", "mixed"], StringComparer.Ordinal), sectors);
        Assert.InRange(Corpus.Count(p => p.Reading is null), 50, Corpus.Count - 150);
        Assert.Equal(Corpus.Count, Corpus.Select(p => p.Text).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("Mon-Fri 09:30-14:30", "Mon-Fri 9:30-2:30")]
    [InlineData("Mon,Wed,Fri 07:50-09:05", "Mon, Wed, Fri 7:45-9:15")]
    [InlineData("Sat 18:00-24:00 + Sun 10:00-16:00", "Sat 6:00pm-12:00am; Sun 10:00-4:00")]
    public void A_reading_in_the_corpus_notation_is_the_week_it_says(string reading, string described)
    {
        Assert.Equal(described, HoursCorpus.ParseReading(reading).Describe());
    }

    [Fact]
    public void A_clear_reading_of_a_phrasing_a_person_finds_unclear_counts_as_wrong()
    {
        var figures = HoursCorpus.Score([new HoursPhrasing(1, "mixed", "Mon-Fri 9am-3pm", null, false)]);

        Assert.Equal((1, 0, 1), (figures.ReadClear, figures.ClearRight, figures.ClearWrong));
    }

    [Theory]
    [InlineData("Mon-Fri 9-3 TTO")]
    [InlineData("Mon-Fri 9-3 T.T.O.")]
    [InlineData("Mon-Fri 9-3 t.t.o")]
    [InlineData("Mon-Fri 9-3 term time only")]
    [InlineData("Mon-Fri 9-3 term-time")]
    [InlineData("Mon-Fri 9-3 termtime")]
    [InlineData("Mon-Fri 9-3 (TT only)")]
    [InlineData("Mon-Fri 9-3, 39 weeks per year")]
    public void Term_time_abbreviations_read_as_term_time_only(string text)
    {
        Assert.True(HoursParser.TryParse(text, out var parsed), parsed.UnclearBecause);
        Assert.True(parsed.TermTimeOnly);
    }

    [Theory]
    [InlineData("Mon-Fri 9-3, all year round")]
    [InlineData("Mon-Fri 9-3, 52 weeks a year")]
    public void Year_round_jobs_are_not_term_time_only(string text)
    {
        _ = HoursParser.TryParse(text, out var parsed);
        Assert.False(parsed.TermTimeOnly);
    }
}
