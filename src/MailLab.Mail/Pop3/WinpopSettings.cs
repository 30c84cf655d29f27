using System.Globalization;

namespace MailLab.Mail.Pop3;

/// <summary><c>winpop get</c> and <c>winpop set</c>: the POP3 service's settings.</summary>
internal static class WinpopSettings
{
    private const string Names = "authentication|logging|mailroot|port|socket|sparequired|threadcount";

    public static WinpopResult Get(Pop3Service service, string[] args)
    {
        if (args.Length != 1)
        {
            return WinpopResult.BadSyntax($"get takes one of {Names}");
        }

        var value = args[0].ToLowerInvariant() switch
        {
            "authentication" => $"{(int)service.AuthenticationMethod} ({Describe(service.AuthenticationMethod)})",
            "logging" => service.LoggingLevel.ToString(CultureInfo.InvariantCulture),
            "mailroot" => service.MailRoot,
            "port" => service.Port.ToString(CultureInfo.InvariantCulture),
            "socket" => $"min {service.SocketMin}, max {service.SocketMax}",
            "sparequired" => service.RequireSecurePasswordAuthentication ? "1" : "0",
            "threadcount" => service.ThreadCount.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        return value is null
            ? WinpopResult.BadSyntax($"get takes one of {Names}")
            : WinpopResult.Ok($"{args[0].ToLowerInvariant()}: {value}\n");
    }

    public static WinpopResult Set(Pop3Service service, string[] args)
    {
        if (args.Length != 2)
        {
            return WinpopResult.BadSyntax("set takes a setting and its value");
        }

        var name = args[0].ToLowerInvariant();
        var text = args[1];
        var number = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        switch (name)
        {
            case "authentication" when number is >= 1 and <= 3:
                service.SetAuthenticationMethod((Pop3AuthenticationMethod)number.Value);
                return WinpopResult.Ok($"authentication set to {number} ({Describe(service.AuthenticationMethod)}).\n");
            case "logging" when number is >= 0 and <= 3:
                service.LoggingLevel = number.Value;
                break;
            case "mailroot" when text.Length > 0:
                service.MailRoot = text;
                break;
            case "port" when number is >= 1 and <= 65535:
                // Unlike Windows (which needs a service restart), the listener moves at once.
                service.SetPort(number.Value);
                break;
            case "sparequired" when number is 0 or 1:
                service.RequireSecurePasswordAuthentication = number == 1;
                break;
            case "threadcount" when number is >= 1 and <= 100:
                service.ThreadCount = number.Value;
                break;
            default:
                return WinpopResult.BadSyntax($"invalid setting \"{args[0]} {args[1]}\"");
        }

        return WinpopResult.Ok($"{name} set to {text}.\n");
    }

    private static string Describe(Pop3AuthenticationMethod method) => method switch
    {
        Pop3AuthenticationMethod.LocalAccounts => "Local Windows Accounts",
        Pop3AuthenticationMethod.ActiveDirectoryIntegrated => "Active Directory Integrated",
        _ => "Encrypted Password File",
    };
}
