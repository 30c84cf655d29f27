using System.CommandLine;
using MailLab.Cli.Commands;

// Socket completions run on the epoll thread instead of being queued to the thread pool: the SMTP
// receive path never blocks (it parses, stores in memory and writes asynchronously), so this saves
// a thread-pool hop per read. Read once when the first socket starts, so it is set before anything
// else runs; an explicit setting in the environment wins.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

return await MailLabCli.InvokeAsync(MailLabCli.Create().Parse(args));
