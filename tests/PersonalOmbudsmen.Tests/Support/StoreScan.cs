using System.Text;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;

namespace Samverkan.PersonalOmbudsmen.Tests.Support;

// Everything a store holds, as bytes to search: every key name and every value of every key
// (strings, hashes, lists, sets, sorted sets), and every file in its data directory (the Redis
// append-only file, Garnet's AOF, checkpoints and log).
public static class StoreScan
{
    public static async Task<byte[]> KeysAndValuesAsync(IConnectionMultiplexer connection, StoreServer server)
    {
        var db = connection.GetDatabase();
        var output = new MemoryStream();
        void Write(RedisValue value)
        {
            var bytes = (byte[]?)value ?? [];
            output.Write(bytes);
            output.WriteByte(0);
        }
        foreach (var key in connection.GetServer(server.ConnectionString).Keys(pattern: "*", pageSize: 500))
        {
            Write(key.ToString());
            switch (await db.KeyTypeAsync(key))
            {
                case RedisType.String: Write(await db.StringGetAsync(key)); break;
                case RedisType.Hash:
                    foreach (var entry in await db.HashGetAllAsync(key)) { Write(entry.Name); Write(entry.Value); }
                    break;
                case RedisType.List:
                    foreach (var item in await db.ListRangeAsync(key)) Write(item);
                    break;
                case RedisType.Set:
                    foreach (var item in await db.SetMembersAsync(key)) Write(item);
                    break;
                case RedisType.SortedSet:
                    foreach (var item in await db.SortedSetRangeByRankWithScoresAsync(key)) { Write(item.Element); Write(item.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)); }
                    break;
            }
        }
        return output.ToArray();
    }

    // Compacts what the store keeps on disk so that only live data remains: Redis rewrites its
    // append-only file (BGREWRITEAOF, waited for), Garnet takes a checkpoint (SAVE), which lets it
    // truncate its AOF. For Redis the rewrite is made without the RDB preamble and without LZF
    // compression, so that every value appears byte for byte and a search cannot miss one.
    public static async Task CompactAsync(IConnectionMultiplexer connection, StoreServer server)
    {
        var admin = connection.GetServer(server.ConnectionString);
        if (server.Kind == StoreKind.Redis)
        {
            await admin.ExecuteAsync("CONFIG", "SET", "aof-use-rdb-preamble", "no");
            await admin.ExecuteAsync("CONFIG", "SET", "rdbcompression", "no");
            await WaitForRewriteAsync(admin);
            await admin.ExecuteAsync("BGREWRITEAOF");
            await WaitForRewriteAsync(admin);
        }
        else
        {
            await admin.ExecuteAsync("SAVE");
        }
    }

    public static byte[] Files(StoreServer server)
    {
        var output = new MemoryStream();
        foreach (var file in Directory.EnumerateFiles(server.DataDirectory, "*", SearchOption.AllDirectories))
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                stream.CopyTo(output);
                output.WriteByte(0);
            }
            catch (IOException)
            {
                // A temporary file removed while listing.
            }
        }
        return output.ToArray();
    }

    // The data files that contain the pattern (for failure messages).
    public static string FilesContaining(StoreServer server, byte[] pattern) =>
        string.Join(", ", Directory.EnumerateFiles(server.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(f => SecretForms.ContainsBytes(File.ReadAllBytes(f), pattern))
            .Select(f => $"{Path.GetRelativePath(server.DataDirectory, f)} ({new FileInfo(f).Length} B)"));

    public static string Describe(StoreServer server) =>
        string.Join(", ", Directory.EnumerateFiles(server.DataDirectory, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(server.DataDirectory, f)} ({new FileInfo(f).Length} B)"));

    private static async Task WaitForRewriteAsync(IServer admin)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var info = (string?)await admin.ExecuteAsync("INFO", "persistence") ?? "";
            if (info.Contains("aof_rewrite_in_progress:0") && info.Contains("aof_rewrite_scheduled:0"))
            {
                if (!info.Contains("aof_last_bgrewrite_status:ok")) throw new InvalidOperationException("The AOF rewrite failed:\n" + info);
                return;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The AOF rewrite did not finish in 30 s:\n" + info);
            await Task.Delay(50);
        }
    }
}
