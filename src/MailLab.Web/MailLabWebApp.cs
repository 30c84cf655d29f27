using System.Text.Json.Serialization;
using MailLab.Hosting;
using MailLab.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailLab.Web;

/// <summary>The admin HTTP API (and later the visualiser) for a running <see cref="MailLabServer"/>, on loopback.</summary>
public static class MailLabWebApp
{
    public const int DefaultPort = 5080;

    /// <summary>Builds the web app bound to 127.0.0.1:<paramref name="port"/> (0 picks a free port).</summary>
    public static WebApplication Build(MailLabServer runtime, int port = DefaultPort, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(runtime);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "MailLab admin API";
            doc.Info.Description = "Servers, SMTP virtual servers (IIS 6 model), mailboxes and messages of a running MailLab.";
            return Task.CompletedTask;
        }));
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        api.MapServerEndpoints();
        api.MapPickupEndpoint();
        api.MapMessageEndpoints();
        api.MapTraceEndpoints();
        api.MapClockEndpoints();
        api.MapNetworkEndpoints();
        api.MapPop3Endpoints();
        app.MapGet("/", () => "MailLab is running. The API is under /api (OpenAPI document: /openapi/v1.json).");
        return app;
    }

    /// <summary>The address the app listens on, once started.</summary>
    public static Uri GetAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }
}
