using System.Text.Json.Serialization;
using MailLab.Hosting;
using MailLab.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace MailLab.Web;

/// <summary>The admin HTTP API and the visualiser page for a running <see cref="MailLabServer"/>, on loopback.</summary>
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
        app.UseLocalRequestGuard();
        app.MapOpenApi();
        var api = app.MapGroup("/api");

        // Changes through these are saved with --data-dir before they are acknowledged.
        var configuration = api.MapConfigurationGroup();
        configuration.MapServerEndpoints();
        configuration.MapSmtpSettingsEndpoints();
        configuration.MapPop3SettingsEndpoints();
        configuration.MapSmtpDomainEndpoints();
        configuration.MapVirtualServerLifecycleEndpoints();
        configuration.MapSmtpSecurityEndpoints();
        configuration.MapNetworkEndpoints();
        configuration.MapDnsChangeEndpoints();
        configuration.MapPop3Endpoints();
        configuration.MapExchangeEndpoints();
        configuration.MapExchangeMailboxEndpoints();
        configuration.MapDirectoryEndpoints();
        api.MapPickupEndpoint();
        api.MapMessageEndpoints();
        api.MapMessageWaitEndpoints(runtime);
        api.MapFolderEndpoints();
        api.MapMessageTrackingEndpoints();
        api.MapTraceEndpoints();
        api.MapClockEndpoints();
        api.MapDnsEndpoints();
        api.MapHeaderEndpoints();
        api.MapWorldEndpoints();
        api.MapScenarioEndpoints();
        api.MapLabEndpoints();
        MapPage(app);
        return app;
    }

    /// <summary>The Content-Security-Policy of the page: its own scripts and styles only, no plugins, no framing.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// The visualiser: static files under wwwroot/, embedded in this assembly (so it works from
    /// <c>dotnet run</c> and from the packed tool alike), served with a strict CSP.
    /// </summary>
    private static void MapPage(WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(MailLabWebApp).Assembly, "MailLab.Web.wwwroot");
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            await next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/", async (HttpContext context) =>
        {
            var index = files.GetFileInfo("index.html");
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await using var stream = index.CreateReadStream();
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
        }).ExcludeFromDescription();
    }

    /// <summary>The address the app listens on, once started.</summary>
    public static Uri GetAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }
}
