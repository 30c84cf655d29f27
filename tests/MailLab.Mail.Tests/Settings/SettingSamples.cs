using MailLab.Mail.Pop3.Settings;
using MailLab.Mail.Settings;
using MailLab.Mail.Smtp.Settings;

namespace MailLab.Mail.Tests.Settings;

/// <summary>For every setting of the table, a value away from its IIS default, as text (what the CLI, the API and a step take).</summary>
internal static class SettingSamples
{
    // Tried in order; the first that the setting's type accepts and that is not its default is taken.
    private static readonly string[] Candidates =
        ["4097", "1.5", "postmaster@example.com", "corp.example", "127.0.0.1, 10.0.0.0/8", "[192.0.2.25]:2525", "dc=example,dc=com", "exchange", "plainText"];

    // The POP3 service's: small enough for the thread and socket counts, and within socketMin ≤ socketMax.
    private static readonly string[] Pop3Candidates = ["20", "3", "passwordFile", "corp.example"];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var setting in VirtualServerSettings.All)
        {
            data.Add(setting.Name);
        }

        return data;
    }

    public static TheoryData<string> Pop3Names()
    {
        var data = new TheoryData<string>();
        foreach (var setting in Pop3Settings.All)
        {
            data.Add(setting.Name);
        }

        return data;
    }

    /// <summary>
    /// A TCP port free on loopback now: the sample for a port a running server binds at once (the
    /// POP3 service's), where a fixed one may be taken or privileged.
    /// </summary>
    public static string FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The sample for one setting, and its text form once read (what a round trip must give back).</summary>
    public static (string Text, string Expected) For(VirtualServerSetting setting) =>
        For(setting, VirtualServerSnapshot.Defaults("mail.example"), Candidates);

    public static (string Text, string Expected) For(Pop3Setting setting) =>
        For(setting, Pop3Snapshot.Defaults("mail.example"), Pop3Candidates);

    private static (string Text, string Expected) For<TSnapshot>(Setting<TSnapshot> setting, TSnapshot defaults, string[] candidates)
    {
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

        foreach (var candidate in candidates)
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
