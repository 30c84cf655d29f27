using System.Diagnostics;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>Runs a third-party client (python3, curl, …) and returns its exit code and output.</summary>
public static class ProcessRunner
{
    public static async Task<(int Exit, string Output)> RunAsync(string file, string arguments, string? stdin = null)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
