using MailLab.Mail.World;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads the topology's top-level <c>certificate:</c>, the one certificate every host's STARTTLS
/// presents (SMTP and POP3), as IIS's Access tab → Certificate would per virtual server:
/// <code>
/// certificate: { file: certs/maillab.pem, key: certs/maillab.key }   # PEM; key left out: in the same file
/// certificate: { file: certs/maillab.pfx, password: secret }         # PKCS#12
/// </code>
/// Relative names are relative to the topology file. The files must exist; their content is read at start.
/// </summary>
internal static class CertificateReader
{
    internal static readonly string[] Keys = ["file", "key", "password"];

    public static CertificateFile? Read(MappingReader file, TopologyDiagnostics diagnostics, string baseDirectory)
    {
        if (!file.Has("certificate") || file.Mapping("certificate", Keys) is not { } reader)
        {
            return null;
        }

        string? key = null;
        string? password = null;
        if (!reader.Require("file") || !reader.TryString("file", out var path)
            || (reader.Has("key") && !reader.TryString("key", out key!))
            || (reader.Has("password") && !reader.TryNullableString("password", out password)))
        {
            return null;
        }

        var certificate = new CertificateFile(Path.GetFullPath(path, baseDirectory), key is null ? null : Path.GetFullPath(key, baseDirectory), password);
        if (certificate.IsPkcs12 && key is not null)
        {
            reader.Error("key", "a .pfx or .p12 file holds its own private key; 'key' is for a PEM certificate");
            return null;
        }

        return Exists(reader, "file", certificate.Path) && (certificate.KeyPath is null || Exists(reader, "key", certificate.KeyPath)) ? certificate : null;
    }

    private static bool Exists(MappingReader reader, string key, string path)
    {
        if (File.Exists(path))
        {
            return true;
        }

        reader.Error(key, $"no such file: {path}");
        return false;
    }
}
