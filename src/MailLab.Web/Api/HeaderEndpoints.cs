using MailLab.Hosting;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MimeKit;
using MimeKit.Text;

namespace MailLab.Web.Api;

/// <summary>
/// How a message's headers grew on its way: the header list of its furthest stored copy, parsed by
/// MimeKit, with each Received header tied to the hop that added it, and the body as HTML for a
/// sandboxed frame.
/// </summary>
internal static class HeaderEndpoints
{
    public static void MapHeaderEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/traces/{id}/headers", (string id, MailLabServer runtime) =>
            {
                if (runtime.World.Trace.Views.Trace(id) is not { } trace)
                {
                    return ServerEndpoints.NotFound($"No trace \"{id}\".");
                }

                if (FurthestCopy(runtime, trace) is not { } copy)
                {
                    return ServerEndpoints.NotFound(NoCopyLeft(trace));
                }

                return Results.Ok(Describe(copy, trace));
            })
            .WithName("GetTraceHeaders")
            .WithSummary("The headers of the message's furthest stored copy (parsed by MimeKit), each Received header with the hop that added it, and the body as HTML.");
    }

    /// <summary>The stored copies the message left on each host: the furthest along, or null when none is left.</summary>
    internal static StoredMessage? FurthestCopy(MailLabServer runtime, MessageTrace trace) =>
        trace.MessageIds.Select(runtime.World.FindMessage).LastOrDefault(m => m is not null);

    /// <summary>
    /// Why no stored copy is left: each recipient's fate as the trace's reader tells it, with the
    /// stage that settled it ("&lt;a@b&gt; relayed out of the world by mail.ru to 127.0.0.1:2525 (Relayed to … 250 2.0.0 Ok)").
    /// </summary>
    internal static string NoCopyLeft(MessageTrace trace) =>
        $"No stored copy of \"{trace.TraceId}\" is left in MailLab: " + string.Join("; ", trace.Recipients.Select(r =>
        {
            var stage = trace.EventAt(r.Sequence);
            var fate = r.State switch
            {
                RecipientState.Relayed => $"relayed out of the world by {r.Host} to {r.Where}",
                RecipientState.Delivered => $"delivered by {r.Host} ({r.Where}), since retrieved and deleted",
                RecipientState.Bounced => $"bounced by {r.Host}",
                _ => $"{r.StateName} on {r.Host}",
            };
            return stage is null ? $"<{r.Address}> {fate}" : $"<{r.Address}> {fate} ({stage.Text})";
        })) + ".";

    internal static MessageHeadersDto Describe(StoredMessage copy, MessageTrace trace)
    {
        MimeMessage message;
        using (var data = new MemoryStream(copy.Data, writable: false))
        {
            message = MimeMessage.Load(data);
        }

        var headers = message.Headers.Select(h => new HeaderDto(h.Field, h.Value)).ToArray();

        // RFC 5321 §4.4: each server prepends its Received header, so the file holds the newest
        // first. The n-th newest belongs to the n-th latest receive stage; older ones came with the message.
        var received = message.Headers.Where(h => h.Id == HeaderId.Received).Select(h => h.Value).Reverse().ToArray();
        var arrivals = trace.Arrivals;
        var offset = received.Length - arrivals.Count;
        var hops = received.Select((value, i) =>
        {
            var arrival = i - offset >= 0 ? arrivals[i - offset] : null;
            return new ReceivedHeaderDto(i + 1, value, arrival?.Host, arrival?.Sequence, arrival?.Time);
        }).ToArray();

        return new MessageHeadersDto(copy.Id, copy.HostName, headers, hops, BodyHtml(message));
    }

    /// <summary>The HTML body as sent, or the text body converted (and escaped) by MimeKit; the page shows it in a sandboxed frame.</summary>
    private static string BodyHtml(MimeMessage message)
    {
        if (message.HtmlBody is { } html)
        {
            return html;
        }

        var converter = new TextToHtml { OutputHtmlFragment = false };
        return converter.Convert(message.TextBody ?? string.Empty);
    }
}

/// <summary>The headers of a stored copy (<c>MessageId</c> on <c>Host</c>), its Received headers oldest first, and its body as HTML.</summary>
public sealed record MessageHeadersDto(string MessageId, string Host, IReadOnlyList<HeaderDto> Headers, IReadOnlyList<ReceivedHeaderDto> Received, string BodyHtml);

public sealed record HeaderDto(string Name, string Value);

/// <summary>A Received header, numbered from the oldest; Host/Sequence/Time name the receive stage that added it (null: it came with the message).</summary>
public sealed record ReceivedHeaderDto(int Number, string Value, string? Host, long? Sequence, DateTimeOffset? Time);
