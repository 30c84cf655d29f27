namespace MailLab.Mail.Recipients;

/// <summary>
/// One entry of a recipient's proxyAddresses: an SMTP address with its type prefix. Upper-case
/// <c>SMTP:</c> is the primary (reply) address, lower-case <c>smtp:</c> a secondary one that also
/// receives (the E-mail Addresses tab shows the primary in bold; "Set as Primary" moves the capital
/// prefix). KB 822447 and KB 285136 describe the addresses recipient policies generate.
/// </summary>
public sealed record ProxyAddress(string Address, bool Primary)
{
    public const string PrimaryPrefix = "SMTP:";

    public const string SecondaryPrefix = "smtp:";

    public override string ToString() => (Primary ? PrimaryPrefix : SecondaryPrefix) + Address;

    /// <summary>"SMTP:a@b" (primary), "smtp:a@b" or a bare "a@b" (secondary); null when it is not an SMTP address.</summary>
    public static ProxyAddress? Parse(string text)
    {
        var trimmed = text.Trim();
        var primary = trimmed.StartsWith(PrimaryPrefix, StringComparison.Ordinal);
        if (trimmed.StartsWith(PrimaryPrefix, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[PrimaryPrefix.Length..];
        }

        return Topology.NameRules.IsMailAddress(trimmed) ? new ProxyAddress(trimmed.ToLowerInvariant(), primary) : null;
    }
}
