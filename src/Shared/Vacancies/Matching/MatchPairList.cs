using System.Collections;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// Match pairs in blocks small enough to stay off the large object heap: a list of millions grown
/// by doubling would allocate ever larger arrays there, and each can set off a full collection
/// that walks every parent profile the caller holds.
/// </summary>
internal sealed class MatchPairList : IReadOnlyList<MatchPair>
{
    private const int BlockShift = 12;
    private const int BlockSize = 1 << BlockShift;

    private readonly List<MatchPair[]> _blocks = [];

    public int Count { get; private set; }

    public MatchPair this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _blocks[index >> BlockShift][index & (BlockSize - 1)];
        }
    }

    private MatchPair[] _last = [];

    public void Add(MatchPair pair)
    {
        var offset = Count & (BlockSize - 1);
        if (offset == 0)
        {
            _last = new MatchPair[BlockSize];
            _blocks.Add(_last);
        }

        _last[offset] = pair;
        Count++;
    }

    public IEnumerator<MatchPair> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
