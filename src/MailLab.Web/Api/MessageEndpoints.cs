using MailLab.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>Mailboxes and stored messages.</summary>
internal static class MessageEndpoints
{
    public static void MapMessageEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/mailboxes/{address}/messages", (string address, MailLabServer runtime) =>
            {
                foreach (var host in runtime.World.Hosts)
                {
                    if (host.Mailboxes.Find(address) is { } mailbox)
                    {
                        return Results.Ok(mailbox.Messages.Select(ApiMapper.ToDto).ToArray());
                    }
                }

                return ServerEndpoints.NotFound($"No mailbox \"{address}\".");
            })
            .WithName("ListMailboxMessages")
            .WithSummary("The messages in a mailbox: id, from, to, subject, size, received.");

        api.MapGet("/messages/{id}/raw", (string id, MailLabServer runtime) =>
                runtime.World.FindMessage(id) is { } message
                    ? Results.Bytes(message.Data, "message/rfc822", $"{message.Id}.eml")
                    : ServerEndpoints.NotFound($"No message \"{id}\"."))
            .WithName("GetRawMessage")
            .WithSummary("The stored RFC 5322 bytes of a message, as delivered (with its Received headers).");
    }
}
