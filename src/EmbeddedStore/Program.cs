using System.Runtime.InteropServices;
using Garnet;
using Microsoft.Extensions.Logging;
using Samverkan.EmbeddedStore;

// Microsoft Garnet as a standalone, durable, local-only store process (used when redis-server is
// not installed). Contract: --port <port> --data-dir <dir>; prints the ready line; exits cleanly on SIGTERM/SIGINT.
EmbeddedStoreOptions options;
try
{
    options = EmbeddedStoreOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

Directory.CreateDirectory(options.DataDirectory);
using var stopping = new ManualResetEventSlim();
using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(o => o.SingleLine = true)
    .SetMinimumLevel(LogLevel.Warning)
    // Garnet warns that an external logger factory overrides its logging options (expected here),
    // and its background tasks log their cancellation as failures while it shuts down.
    .AddFilter("ArgParser", LogLevel.Error)
    .AddFilter((category, level) => level >= LogLevel.Warning && !(stopping.IsSet && category == "StoreWrapper")));

using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

using (var server = new GarnetServer(GarnetArguments.For(options), loggerFactory))
{
    server.Start();
    Console.WriteLine($"Embedded store listening on 127.0.0.1:{options.Port}");

    stopping.Wait();
    Console.WriteLine("Embedded store stopping");
    // With --aof-commit-wait every acknowledged write is already committed; this covers anything in flight.
    await server.Store.CommitAOFAsync(CancellationToken.None);
}

Console.WriteLine("Embedded store stopped");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Set();
}
