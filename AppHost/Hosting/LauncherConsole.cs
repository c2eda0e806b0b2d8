using Spectre.Console;

namespace Samverkan.AppHost.Hosting;

// All launcher output: "name | text" lines, the name coloured per resource on a terminal and
// plain in CI logs (redirected output or NO_COLOR), plus the final resource table.
public sealed class LauncherConsole
{
    public const string LauncherName = "apphost";

    // ANSI foreground colours that read well on dark and light terminals.
    private static readonly int[] Palette = [36, 32, 35, 33, 34, 96, 92, 95, 93, 94];

    private readonly IAnsiConsole _console;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _colours = [];
    private readonly int _nameWidth;

    public LauncherConsole(IEnumerable<string> resourceNames)
    {
        var plain = Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        UsesColour = !plain;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (plain)
        {
            // Redirected output has no width; do not let the table wrap at 80 columns.
            _console.Profile.Width = 200;
        }

        var names = resourceNames.Prepend(LauncherName).ToList();
        _nameWidth = names.Max(n => n.Length);
        for (var i = 0; i < names.Count; i++)
        {
            _colours[names[i]] = Palette[i % Palette.Length];
        }
    }

    public bool UsesColour { get; }

    public void Info(string text) => Write(LauncherName, text, Console.Out);

    public void Error(string text) => Write(LauncherName, UsesColour ? $"\e[1;31m{text}\e[0m" : text, Console.Error);

    public void ResourceOutput(string resourceName, string line) => Write(resourceName, line, Console.Out);

    public void Failure(LaunchFailedException failure)
    {
        Error(failure.Message);
        if (failure.LogTail.Count == 0 || failure.ResourceName is null)
        {
            return;
        }

        Error($"Last {failure.LogTail.Count} output lines of {failure.ResourceName}:");
        foreach (var line in failure.LogTail)
        {
            Write(failure.ResourceName, line, Console.Error);
        }
    }

    public void ResourceTable(IEnumerable<RunningResource> resources)
    {
        var table = new Table()
            .Border(UsesColour ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumn(new TableColumn("Resource").NoWrap())
            .AddColumn("Kind")
            .AddColumn(new TableColumn("URL").NoWrap())
            .AddColumns("State", "PID");
        foreach (var running in resources)
        {
            var state = running.State.ToString();
            table.AddRow(
                Markup.Escape(running.Resource.Name),
                Markup.Escape(running.Resource.Kind),
                Markup.Escape(string.Join(Environment.NewLine, running.Resource.Endpoints.Select(e => e.IsHttp2Only ? $"{e.Url} (h2c)" : e.Url))),
                running.State == ResourceState.Healthy ? $"[green]{state}[/]" : $"[red]{state}[/]",
                running.Process?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");
        }

        lock (_gate)
        {
            _console.Write(table);
        }
    }

    private void Write(string name, string text, TextWriter writer)
    {
        var padded = name.PadRight(_nameWidth);
        var prefix = UsesColour ? $"\e[{_colours.GetValueOrDefault(name, 37)}m{padded}\e[0m" : padded;
        lock (_gate)
        {
            writer.WriteLine($"{prefix} | {text}");
        }
    }
}
