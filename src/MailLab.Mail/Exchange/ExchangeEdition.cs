namespace MailLab.Mail.Exchange;

/// <summary>
/// The two editions of Exchange Server 2003 and what each allows (docs/EXCHANGE-2003.md, section 2):
/// Standard has one storage group holding one mailbox store and one public folder store, each database
/// limited to 16 GB, and after SP2 to 18 GB by default and up to 75 GB with the registry value
/// "Database Size Limit in Gb" (KB 912375); Enterprise has up to four storage groups of five stores
/// each, and after SP2 a configurable limit of up to 8,000 GB.
/// </summary>
public enum ExchangeEdition
{
    Standard,
    Enterprise,
}

/// <summary>The limits an edition sets.</summary>
public static class ExchangeEditionLimits
{
    private const long Gigabyte = 1L << 30;

    public static int MaxStorageGroups(ExchangeEdition edition) => edition == ExchangeEdition.Standard ? 1 : 4;

    /// <summary>Stores (mailbox and public folder together) in one storage group.</summary>
    public static int MaxStoresPerGroup(ExchangeEdition edition) => edition == ExchangeEdition.Standard ? 2 : 5;

    /// <summary>Standard allows one store of each kind on the server.</summary>
    public static int? MaxStoresOfKind(ExchangeEdition edition) => edition == ExchangeEdition.Standard ? 1 : null;

    /// <summary>The database size limit when no registry value sets one.</summary>
    public static long DefaultDatabaseLimitBytes(ExchangeEdition edition, int servicePack) => edition switch
    {
        // KB 828070: ESE event 445 names the pre-SP2 limit "16383 MB".
        ExchangeEdition.Standard when servicePack < 2 => 16383L * 1024 * 1024,
        ExchangeEdition.Standard => 18 * Gigabyte,

        // Before SP2 Enterprise is limited by the hardware only (16 TB in theory).
        ExchangeEdition.Enterprise when servicePack < 2 => 16384 * Gigabyte,
        _ => 8000 * Gigabyte,
    };

    /// <summary>The most "Database Size Limit in Gb" may set (SP2 and later); null before SP2, which has no such value.</summary>
    public static int? MaxConfigurableLimitGb(ExchangeEdition edition, int servicePack) =>
        servicePack < 2 ? null : edition == ExchangeEdition.Standard ? 75 : 8000;
}
