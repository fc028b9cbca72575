namespace SecureDev.Analyzers.Taint;

/// <summary>
/// The blocks still to evaluate, taken lowest ordinal first (the graph's blocks are in source order, so a loop body is
/// evaluated before what follows the loop). A flag per block: no allocation per addition, as a sorted set would make.
/// </summary>
internal sealed class BlockWorklist
{
    private readonly bool[] _queued;
    private int _lowest;

    public BlockWorklist(int blocks)
    {
        _queued = new bool[blocks];
        _lowest = blocks;
    }

    public int Count { get; private set; }

    public void Add(int ordinal)
    {
        if (_queued[ordinal])
        {
            return;
        }

        _queued[ordinal] = true;
        Count++;
        if (ordinal < _lowest)
        {
            _lowest = ordinal;
        }
    }

    /// <summary>Removes and returns the lowest queued ordinal; call only while <see cref="Count"/> is positive.</summary>
    public int TakeLowest()
    {
        while (!_queued[_lowest])
        {
            _lowest++;
        }

        _queued[_lowest] = false;
        Count--;
        return _lowest;
    }
}
