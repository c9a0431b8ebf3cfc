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

    public void Add(MatchPair pair)
    {
        var offset = Count & (BlockSize - 1);
        if (offset == 0)
        {
            _blocks.Add(new MatchPair[BlockSize]);
        }

        _blocks[^1][offset] = pair;
        Count++;
    }

    /// <summary>Appends <paramref name="count"/> pairs of <paramref name="source"/> from <paramref name="start"/>, a block at a time.</summary>
    public void AddRange(MatchPairList source, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(source);
        while (count > 0)
        {
            var offset = Count & (BlockSize - 1);
            if (offset == 0)
            {
                _blocks.Add(new MatchPair[BlockSize]);
            }

            var from = start & (BlockSize - 1);
            var length = Math.Min(count, Math.Min(BlockSize - offset, BlockSize - from));
            Array.Copy(source._blocks[start >> BlockShift], from, _blocks[^1], offset, length);
            Count += length;
            start += length;
            count -= length;
        }
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
