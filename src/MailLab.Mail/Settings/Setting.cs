namespace MailLab.Mail.Settings;

/// <summary>
/// One row of a settings table (<see cref="SettingsTable{TSetting, TSnapshot}"/>), for any settings group
/// (an SMTP virtual server's property sheet, the POP3 service's properties): its name (the admin API's,
/// the CLI's and the scenario step's), its key in a topology file, its type (range, text and YAML
/// forms), its English and Russian labels and help, and how it is read from and put into the group's
/// immutable snapshot.
/// </summary>
public abstract record Setting<TSnapshot>(
    string Name,
    string Key,
    SettingType Type,
    string LabelEn,
    string LabelRu,
    string Help,
    Func<TSnapshot, object?> Read,
    Func<TSnapshot, object?, TSnapshot> With)
{
    public SettingKind Kind => Type.Kind;

    /// <summary>The value the group starts with (null: none or no limit; "" when it comes from the computer's name).</summary>
    public abstract object? Default { get; }

    /// <summary>The text form of the setting's value (what <c>smtp vs get</c> prints).</summary>
    public string Get(TSnapshot settings) => Type.Format(Read(settings));

    /// <summary>The snapshot with this setting read from <paramref name="text"/>; throws <see cref="InvalidSettingException"/> for a bad value.</summary>
    public TSnapshot Set(TSnapshot settings, string text) => With(settings, Type.Parse(Name, text));
}
