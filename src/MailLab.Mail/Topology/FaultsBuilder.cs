using MailLab.Mail.Faults;
using MailLab.Mail.World;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads the topology file's <c>faults</c> section: injected replies and connections dropped
/// during DATA, the same faults the API's <c>POST /api/faults</c> adds.
/// <code>
/// faults:
///   - { host: rosnou.ru, kind: reply, stage: data, code: 451, enhancedCode: 4.3.0, text: Try later, count: 2 }
///   - { host: rosnou.ru, kind: drop, count: 1 }
/// </code>
/// </summary>
internal sealed class FaultsBuilder(TopologyDiagnostics diagnostics, MailWorld world)
{
    internal static readonly string[] FaultKeys = ["host", "kind", "stage", "code", "enhancedCode", "text", "count"];

    public void Read(MappingReader file)
    {
        foreach (var (node, path) in file.Items("faults"))
        {
            var fault = MappingReader.Open(node, path, diagnostics, FaultKeys);
            if (fault is not null)
            {
                ReadFault(fault);
            }
        }
    }

    private void ReadFault(MappingReader fault)
    {
        var count = 1;
        var valid = fault.Require("host") & fault.TryString("host", out var host)
            & fault.Require("kind") & fault.TryString("kind", out var kind)
            & (!fault.Has("count") || fault.TryInt("count", 1, int.MaxValue, out count));
        if (!valid)
        {
            return;
        }

        if (world.FindHost(host) is null)
        {
            fault.Error("host", $"unknown host '{host}'; the hosts are {string.Join(", ", world.Hosts.Select(h => h.Name))}");
            return;
        }

        switch (kind)
        {
            case "drop":
                foreach (var key in new[] { "stage", "code", "enhancedCode", "text" }.Where(fault.Has))
                {
                    fault.Error(key, "a 'drop' fault cuts the connection during DATA; it has no reply");
                    return;
                }

                world.Faults.AddDropDuringData(host, count);
                return;
            case "reply":
                ReadReply(fault, host, count);
                return;
            default:
                fault.Error("kind", $"must be reply or drop, not '{kind}'");
                return;
        }
    }

    private void ReadReply(MappingReader fault, string host, int count)
    {
        string? enhanced = null;
        string? text = null;
        var valid = fault.Require("stage") & fault.TryString("stage", out var stageText)
            & fault.Require("code") & fault.TryInt("code", FaultInjector.MinReplyCode, FaultInjector.MaxReplyCode, out var code)
            & (!fault.Has("enhancedCode") || fault.TryNullableString("enhancedCode", out enhanced))
            & (!fault.Has("text") || fault.TryNullableString("text", out text));
        if (!valid)
        {
            return;
        }

        if (!Enum.TryParse<FaultStage>(stageText, ignoreCase: true, out var stage) || int.TryParse(stageText, out _))
        {
            fault.Error("stage", $"must be connect, mail, rcpt or data, not '{stageText}'");
            return;
        }

        text ??= FaultInjector.DefaultText;
        if (ConfiguredReply.Check(code, enhanced, text, FaultInjector.MinReplyCode, FaultInjector.MaxReplyCode) is { } problem)
        {
            fault.Error(problem.Field, problem.Reason);
            return;
        }

        world.Faults.AddReply(host, stage, new SmtpReply(code, enhanced, text), count);
    }
}
