using System.Diagnostics;

namespace Samverkan.AppHost.Hosting;

// One launch: check ports, build, start every resource once what it waits for is healthy,
// print the table, then wait for Ctrl+C/SIGTERM/SIGHUP and stop everything.
public sealed class DistributedApplication
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    // Ctrl+C in a terminal reaches every child at the same moment as the launcher, and redis-server
    // exits within milliseconds: give our own signal handler this long to register before an exit
    // is called a failure.
    private static readonly TimeSpan SignalSettleTime = TimeSpan.FromSeconds(1);

    private readonly DistributedApplicationBuilder _app;
    private readonly List<RunningResource> _resources;
    private readonly LauncherConsole _console;
    private readonly StateFile _stateFile;
    private readonly LaunchPlanner _planner;
    private ResourceState _overall = ResourceState.NotStarted;
    private volatile bool _stopping;
    private ShutdownSignal? _shutdown;

    internal DistributedApplication(DistributedApplicationBuilder app)
    {
        _app = app;
        _resources = [.. app.Resources.Select(r => new RunningResource(r))];
        _console = new LauncherConsole(app.Resources.Select(r => r.Name));
        _stateFile = new StateFile(app.StateFilePath, app.Resources.OfType<StoreResource>().FirstOrDefault()?.StoreKind ?? StoreKind.Auto);
        _planner = new LaunchPlanner(app, _console.UsesColour);
    }

    public async Task<int> RunAsync()
    {
        using var shutdown = _shutdown = new ShutdownSignal();
        try
        {
            _console.Info($"Samverkan platform from {_app.RepositoryRoot}; state in {_stateFile.Path}");
            if (!await PrepareAsync(shutdown.Requested))
            {
                return 0;
            }

            await StartAllAsync(shutdown.Requested);
            // A child may already have died again; that one's exit report has set Failed.
            SetOverall(_resources.All(r => r.State == ResourceState.Healthy) ? ResourceState.Healthy : ResourceState.Failed);
            _console.ResourceTable(_resources);
            _console.Info($"All {_resources.Count} resources healthy {SinceLauncherStart()} after the launcher started. Ctrl+C stops them.");

            await Task.Delay(Timeout.Infinite, shutdown.Requested);
            return 0;
        }
        catch (OperationCanceledException) when (shutdown.IsRequested)
        {
            _console.Info($"{shutdown.Signal} received: stopping.");
            return 0;
        }
        catch (LaunchFailedException failure)
        {
            _console.Failure(failure);
            SetOverall(ResourceState.Failed);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A data directory or the state file that cannot be written.
            _console.Error(e.Message);
            SetOverall(ResourceState.Failed);
            return 1;
        }
        finally
        {
            await StopAllAsync(shutdown);
        }
    }

    // Everything that can fail without starting anything. Returns false for --dry-run.
    private async Task<bool> PrepareAsync(CancellationToken cancellationToken)
    {
        _planner.ResolveTransports();

        if (!_app.Options.DryRun)
        {
            await LeftoverProcesses.StopAsync(_stateFile.Path, _console);
        }

        var conflicts = PortAvailability.FindConflicts(_app.Resources);
        if (conflicts.Count > 0)
        {
            throw new LaunchFailedException(string.Join(Environment.NewLine, conflicts));
        }

        if (_app.Options.DryRun)
        {
            SetOverall(ResourceState.NotStarted);
            _console.ResourceTable(_resources);
            return false;
        }

        if (!_app.Options.NoBuild)
        {
            await ProjectBuild.RunAsync(_app.RepositoryRoot, _planner.ProjectsToBuild(), _console, cancellationToken);
        }

        return true;
    }

    private async Task StartAllAsync(CancellationToken cancellationToken)
    {
        var plans = _resources.ToDictionary(r => r, r => _planner.Plan(r.Resource));
        SetOverall(ResourceState.Starting);

        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = ReportProgressAsync(startup.Token);
        var starts = _resources.Select(r => StartAsync(r, plans[r], startup.Token)).ToList();

        // The first failure stops the rest of the start-up; its message is the one reported.
        LaunchFailedException? failure = null;
        await foreach (var start in Task.WhenEach(starts))
        {
            if (start.IsFaulted && failure is null)
            {
                failure = start.Exception.InnerException as LaunchFailedException
                    ?? new LaunchFailedException($"Unexpected launcher error: {start.Exception.InnerException}");
                await startup.CancelAsync();
            }
        }

        await startup.CancelAsync();
        await progress;
        if (cancellationToken.IsCancellationRequested || _shutdown?.IsRequested == true)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    private async Task StartAsync(RunningResource running, LaunchPlan plan, CancellationToken cancellationToken)
    {
        var resource = running.Resource;
        if (resource.WaitsFor.Count > 0)
        {
            SetState(running, ResourceState.Waiting);
            foreach (var dependency in resource.WaitsFor)
            {
                await Find(dependency).Healthy.Task.WaitAsync(cancellationToken);
            }
        }

        var startInfo = new ProcessStartInfo(plan.FileName) { WorkingDirectory = plan.WorkingDirectory };
        foreach (var argument in plan.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in ProjectEnvironment.NotInherited)
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in plan.Environment)
        {
            startInfo.Environment[name] = value;
        }

        try
        {
            running.Process = ResourceProcess.Start(startInfo, line => _console.ResourceOutput(resource.Name, line));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            SetState(running, ResourceState.Failed);
            throw new LaunchFailedException($"Resource '{resource.Name}': cannot start {plan.FileName}: {e.Message}", resource.Name);
        }

        SetState(running, ResourceState.Starting);
        _console.Info($"{resource.Name} started (pid {running.Process.Id}), waiting for {plan.HealthProbe?.Target ?? "the process"}");
        _ = ReportUnexpectedExitAsync(running);

        var elapsed = Stopwatch.StartNew();
        await WaitUntilHealthyAsync(running, plan.HealthProbe, cancellationToken);
        SetState(running, ResourceState.Healthy);
        running.Healthy.TrySetResult();
        _console.Info($"{resource.Name} healthy in {elapsed.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task WaitUntilHealthyAsync(RunningResource running, IHealthProbe? probe, CancellationToken cancellationToken)
    {
        var process = running.Process!;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                await process.Exited;
                if (await StoppedBySignalAsync())
                {
                    throw new OperationCanceledException();
                }

                SetState(running, ResourceState.Failed);
                throw new LaunchFailedException(
                    $"Resource '{running.Resource.Name}' exited with code {process.ExitCode} while starting.",
                    running.Resource.Name, process.Tail());
            }

            if (probe is null || await probe.CheckAsync(cancellationToken))
            {
                return;
            }

            if (deadline.Elapsed > _app.Options.HealthTimeout)
            {
                SetState(running, ResourceState.Failed);
                throw new LaunchFailedException(
                    $"Resource '{running.Resource.Name}' was not healthy within {_app.Options.HealthTimeout.TotalSeconds:0} s " +
                    $"({probe.Target}: {probe.LastFailure}). Raise the limit with --health-timeout.",
                    running.Resource.Name, process.Tail());
            }

            await Task.WhenAny(Task.Delay(250, cancellationToken), process.Exited);
        }
    }

    // After start-up a child that dies is reported and recorded; the others keep running.
    private async Task ReportUnexpectedExitAsync(RunningResource running)
    {
        var process = running.Process!;
        await process.Exited;
        if (_stopping || running.State != ResourceState.Healthy || await StoppedBySignalAsync())
        {
            return;
        }

        SetState(running, ResourceState.Failed);
        SetOverall(ResourceState.Failed);
        _console.Failure(new LaunchFailedException(
            $"Resource '{running.Resource.Name}' exited unexpectedly with code {process.ExitCode}.", running.Resource.Name, process.Tail()));
    }

    private async Task ReportProgressAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var pending = _resources.Where(r => r.State is ResourceState.Waiting or ResourceState.Starting).ToList();
                if (pending.Count > 0)
                {
                    _console.Info($"still waiting ({SinceLauncherStart()}): " +
                        string.Join(", ", pending.Select(r => r.State == ResourceState.Waiting
                            ? $"{r.Resource.Name} (for {string.Join(", ", r.Resource.WaitsFor.Select(d => d.Name))})"
                            : $"{r.Resource.Name} (health)")));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Start-up is over.
        }
    }

    private async Task StopAllAsync(ShutdownSignal shutdown)
    {
        _stopping = true;
        var running = _resources.Where(r => r.Process is { HasExited: false }).ToList();
        if (running.Count > 0)
        {
            _console.Info($"Stopping {string.Join(", ", running.Select(r => r.Resource.Name))} ...");
        }

        // Reverse WaitFor order: the services stop (and flush) before the store they wait for.
        var stops = new Dictionary<RunningResource, Task>();
        Task StopInOrder(RunningResource resource) =>
            stops.TryGetValue(resource, out var stop) ? stop : stops[resource] = StopAfterDependentsAsync(resource);

        async Task StopAfterDependentsAsync(RunningResource resource)
        {
            await Task.WhenAll(_resources.Where(d => d.Resource.WaitsFor.Contains(resource.Resource)).Select(StopInOrder));
            if (resource.Process is { HasExited: false } process)
            {
                SetState(resource, ResourceState.Stopping);
                await process.StopAsync(_app.Options.StopTimeout, shutdown.Forced);
            }

            if (resource.Process is not null && resource.State != ResourceState.Failed)
            {
                SetState(resource, ResourceState.Stopped);
            }
        }

        await Task.WhenAll(_resources.Select(StopInOrder));

        if (!_app.Options.DryRun)
        {
            SetOverall(_overall == ResourceState.Failed && !shutdown.IsRequested ? ResourceState.Failed : ResourceState.Stopped);
        }

        if (running.Count > 0)
        {
            _console.Info("All resources stopped.");
        }
    }

    // Children started from a terminal get Ctrl+C too and exit on their own: not a failure.
    private async Task<bool> StoppedBySignalAsync()
    {
        await Task.Delay(SignalSettleTime);
        return _stopping || _shutdown?.IsRequested == true;
    }

    private RunningResource Find(Resource resource) => _resources.Single(r => r.Resource == resource);

    private void SetState(RunningResource resource, ResourceState state)
    {
        resource.State = state;
        _stateFile.Write(_overall, _resources);
    }

    private void SetOverall(ResourceState state)
    {
        _overall = state;
        _stateFile.Write(_overall, _resources);
    }

    private static string SinceLauncherStart() =>
        $"{(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds:0.0} s";
}
