using System.Runtime.CompilerServices;
using static SecureDev.Analyzers.Common.Jit;
namespace SecureDev.Analyzers.Taint;

/// <summary>
/// Interns the identifiers read from source text: each distinct name gets a small integer id, found from the characters
/// in place, so reading a whole compilation allocates one string per distinct name rather than one per occurrence.
/// </summary>
internal sealed class NameTable
{
    private readonly List<string> _names = new();
    private readonly List<int> _hashes = new();
    private int[] _slots = new int[1 << 12];

    public int Count => _names.Count;

    public string this[int id] => _names[id];

    // FNV-1a, folded character by character so a lexer can hash a name while it reads it: names are short, and the table
    // only needs a spread, not resistance to chosen input.
    public const uint Start = 2166136261u;

    public static uint Step(uint hash, char c) => (hash ^ c) * 16777619u;

    public int Intern(string name) => Find(name) is var id and >= 0 ? id : Intern(name, 0, name.Length, Fold(name));

    /// <summary>The id of the name spelled by <paramref name="length"/> characters of <paramref name="text"/> at <paramref name="start"/>, whose <see cref="Step"/> hash is <paramref name="fold"/>.</summary>
    [MethodImpl(Hot)]
    public int Intern(string text, int start, int length, uint fold)
    {
        var hash = (int)(fold & 0x7FFFFFFF);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                var id = _names.Count;
                _names.Add(start == 0 && length == text.Length ? text : text.Substring(start, length));
                _hashes.Add(hash);
                _slots[slot] = id + 1;
                if (_names.Count * 2 > _slots.Length)
                {
                    Grow();
                }

                return id;
            }

            if (_hashes[entry - 1] == hash && Same(_names[entry - 1], text, start, length))
            {
                return entry - 1;
            }
        }
    }

    /// <summary>The id of <paramref name="name"/>, or -1 when no text read so far spells it.</summary>
    public int Find(string name)
    {
        var hash = Hash(name);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var id = _slots[slot] - 1;
            if (_hashes[id] == hash && _names[id] == name)
            {
                return id;
            }
        }

        return -1;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var id = 0; id < _names.Count; id++)
        {
            var slot = _hashes[id] & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = id + 1;
        }
    }

    private static int Hash(string name) => (int)(Fold(name) & 0x7FFFFFFF);

    private static uint Fold(string name)
    {
        var hash = Start;
        foreach (var c in name)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    private static bool Same(string name, string text, int start, int length)
    {
        if (name.Length != length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            if (name[i] != text[start + i])
            {
                return false;
            }
        }

        return true;
    }
}
