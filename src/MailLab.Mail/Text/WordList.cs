namespace MailLab.Mail.Text;

/// <summary>How MailLab names the words a value may take, in every message that refuses one ("a, b or c").</summary>
public static class WordList
{
    public static string Either(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} or {words[^1]}";
}
