using SecureDev.Analyzers.Taint;
using Xunit;
using TaintValue = SecureDev.Analyzers.Taint.Taint;

namespace SecureDev.Analyzers.Tests.Taint;

/// <summary>
/// States share their map until one side writes (copy on write): whatever is written to a clone or to its original,
/// by a set or by a join, the other side never sees it.
/// </summary>
public class TaintStateTests
{
    private static readonly object Local = new();
    private static readonly object Other = new();
    private static readonly TaintValue? Tainted = TaintValue.Create(Origin.ForParameter(0), TaintBits.All);

    [Fact]
    public void A_write_to_a_clone_leaves_the_original_as_it_was()
    {
        var original = new TaintState();
        original.Set(Local, null);
        var clone = original.Clone();

        clone.Set(Local, Tainted);
        clone.Set(Other, Tainted);

        Assert.True(original.TryGet(Local, out var value));
        Assert.Null(value);
        Assert.False(original.TryGet(Other, out _));
        Assert.True(clone.TryGet(Local, out var written));
        Assert.Same(Tainted, written);
    }

    [Fact]
    public void A_write_to_the_original_leaves_its_clones_as_they_were()
    {
        var original = new TaintState();
        var first = original.Clone();
        var second = original.Clone();

        original.Set(Local, Tainted);

        Assert.False(first.TryGet(Local, out _));
        Assert.False(second.TryGet(Local, out _));
        Assert.Equal(1, original.Count);
    }

    [Fact]
    public void A_join_into_a_state_that_shares_its_map_leaves_the_sharer_as_it_was()
    {
        var target = new TaintState();
        var sharer = target.Clone();
        var source = new TaintState();
        source.Set(Local, Tainted);

        TaintState? joined = target;
        var changed = TaintState.JoinInto(ref joined, source, _ => null);

        Assert.True(changed);
        Assert.True(joined!.TryGet(Local, out var value));
        Assert.Same(Tainted, value);
        Assert.False(sharer.TryGet(Local, out _));
    }

    [Fact]
    public void A_spent_source_handed_to_an_empty_target_is_still_copied_before_a_later_write_to_its_sharers()
    {
        var input = new TaintState();
        input.Set(Local, null);
        var evaluated = input.Clone(); // a block that writes nothing: still shares the input's map
        TaintState? successor = null;
        TaintState.JoinInto(ref successor, evaluated, _ => null, sourceIsSpent: true);

        successor!.Set(Local, Tainted);

        Assert.True(input.TryGet(Local, out var value));
        Assert.Null(value);
    }
}
