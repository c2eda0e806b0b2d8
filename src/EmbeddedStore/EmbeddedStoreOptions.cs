namespace Samverkan.EmbeddedStore;

// The command line contract the AppHost and the test support depend on:
//   Samverkan.EmbeddedStore --port <port> --data-dir <dir> [--memory <size>] [--checkpoint-interval <seconds>]
public sealed record EmbeddedStoreOptions(int Port, string DataDirectory, string Memory, int CheckpointIntervalSeconds)
{
    public const string Usage =
        "Usage: Samverkan.EmbeddedStore --port <1-65535> --data-dir <directory> [--memory <size, e.g. 512m>] [--checkpoint-interval <seconds, 0 = off>]";

    // In-memory part of the log; older records spill to the data directory (storage tier), so this
    // bounds memory, not data size.
    public const string DefaultMemory = "512m";

    // A checkpoint lets Garnet truncate the append-only file, so a restart replays minutes, not months.
    public const int DefaultCheckpointIntervalSeconds = 300;

    public static EmbeddedStoreOptions Parse(IReadOnlyList<string> args)
    {
        int? port = null;
        string? dataDirectory = null;
        var memory = DefaultMemory;
        var checkpointInterval = DefaultCheckpointIntervalSeconds;

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"Option '{name}' needs a value. {Usage}");
            }
            var value = args[++i];
            switch (name)
            {
                case "--port" when int.TryParse(value, out var p) && p is > 0 and <= 65535:
                    port = p;
                    break;
                case "--data-dir" when !string.IsNullOrWhiteSpace(value):
                    dataDirectory = Path.GetFullPath(value);
                    break;
                case "--memory" when !string.IsNullOrWhiteSpace(value):
                    memory = value;
                    break;
                case "--checkpoint-interval" when int.TryParse(value, out var s) && s >= 0:
                    checkpointInterval = s;
                    break;
                default:
                    throw new ArgumentException($"Invalid option or value: '{name} {value}'. {Usage}");
            }
        }

        if (port is null || dataDirectory is null)
        {
            throw new ArgumentException($"--port and --data-dir are required. {Usage}");
        }
        return new EmbeddedStoreOptions(port.Value, dataDirectory, memory, checkpointInterval);
    }
}
