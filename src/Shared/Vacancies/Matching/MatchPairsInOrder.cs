using System.Collections;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// Match pairs found vacancy by vacancy in some other order, read in the vacancies' order without
/// copying them: each vacancy's pairs are one run of <paramref name="found"/>, starting at
/// <paramref name="start"/> and <paramref name="count"/> long.
/// </summary>
internal sealed class MatchPairsInOrder(MatchPairList found, int[] start, int[] count) : IReadOnlyList<MatchPair>
{
    /// <summary>Where each vacancy's pairs start in this list's order, then the total.</summary>
    private readonly int[] _offsets = Offsets(count);

    public int Count => _offsets[^1];

    public MatchPair this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);

            // The last vacancy whose pairs start at or before the index.
            int low = 0, high = count.Length - 1;
            while (low < high)
            {
                var middle = low + ((high - low + 1) >> 1);
                if (_offsets[middle] <= index)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return found[start[low] + (index - _offsets[low])];
        }
    }

    public IEnumerator<MatchPair> GetEnumerator()
    {
        for (var v = 0; v < count.Length; v++)
        {
            for (var i = 0; i < count[v]; i++)
            {
                yield return found[start[v] + i];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int[] Offsets(int[] count)
    {
        var offsets = new int[count.Length + 1];
        for (var v = 0; v < count.Length; v++)
        {
            offsets[v + 1] = offsets[v] + count[v];
        }

        return offsets;
    }
}
