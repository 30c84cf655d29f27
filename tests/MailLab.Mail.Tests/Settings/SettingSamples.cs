using MailLab.Mail.Smtp.Settings;

namespace MailLab.Mail.Tests.Settings;

/// <summary>For every setting of the table, a value away from its IIS default, as text (what the CLI, the API and a step take).</summary>
internal static class SettingSamples
{
    // Tried in order; the first that the setting's type accepts and that is not its default is taken.
    private static readonly string[] Candidates =
        ["4097", "1.5", "postmaster@example.com", "corp.example", "127.0.0.1, 10.0.0.0/8", "[192.0.2.25]:2525"];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var setting in VirtualServerSettings.All)
        {
            data.Add(setting.Name);
        }

        return data;
    }

    /// <summary>The sample for one setting, and its text form once read (what a round trip must give back).</summary>
    public static (string Text, string Expected) For(VirtualServerSetting setting)
    {
        var defaults = VirtualServerSnapshot.Defaults("mail.example");
        var original = setting.Get(defaults);
        if (setting.Kind == SettingKind.Boolean)
        {
            var flipped = original == "true" ? "false" : "true";
            return (flipped, flipped);
        }

        if (setting.Kind == SettingKind.NumberList)
        {
            return ("1, 2.5", "1, 2.5");
        }

        foreach (var candidate in Candidates)
        {
            try
            {
                var text = setting.Get(setting.Set(defaults, candidate));
                if (text != original)
                {
                    return (candidate, text);
                }
            }
            catch (InvalidSettingException)
            {
                // Not this kind of value: try the next.
            }
        }

        throw new InvalidOperationException($"No sample value for {setting.Name}");
    }
}
