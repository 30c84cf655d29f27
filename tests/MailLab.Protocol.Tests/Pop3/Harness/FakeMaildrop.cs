using MailLab.Protocol.Pop3;

namespace MailLab.Protocol.Tests.Pop3.Harness;

/// <summary>A maildrop over the fake store's list; records every Commit and Release call.</summary>
internal sealed class FakeMaildrop(FakePop3Handler store, string user, IReadOnlyList<FakeMessage> snapshot) : IPop3Maildrop
{
    public string User => user;

    /// <summary>The zero-based indexes of each Commit call.</summary>
    public List<int[]> Commits { get; } = [];

    public int ReleaseCount { get; private set; }

    public int Count => snapshot.Count;

    public long SizeOf(int index) => snapshot[index].Content.Length;

    public string UniqueId(int index) => snapshot[index].UniqueId;

    public ReadOnlyMemory<byte> Content(int index) => snapshot[index].Content;

    public void Commit(IReadOnlyCollection<int> deleted)
    {
        Commits.Add([.. deleted]);
        store.Remove(user, deleted.Select(i => snapshot[i]));
    }

    public void Release()
    {
        ReleaseCount++;
        store.Unlock(user);
    }

    /// <summary>For transcripts: <c>alice commit=[2] released</c>, with message numbers (one-based).</summary>
    public string Describe()
    {
        var commit = Commits.Count == 0 ? "none" : string.Join(" ", Commits.Select(c => "[" + string.Join(",", c.Select(i => i + 1)) + "]"));
        var release = ReleaseCount switch
        {
            0 => "held",
            1 => "released",
            _ => $"released {ReleaseCount} times",
        };
        return $"{user} commit={commit} {release}";
    }
}
