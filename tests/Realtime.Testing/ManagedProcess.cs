using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Realtime.Testing;

/// <summary>A child process of a fixture: its output is kept for failure messages; it can be stopped or killed.</summary>
public sealed partial class ManagedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private ManagedProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ManagedProcess Start(string name, string fileName, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(name, process);
        process.OutputDataReceived += (_, e) => managed.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => managed.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Tail()
    {
        lock (_tail)
            return $"--- last output of {Name} (pid {Pid}) ---\n" + string.Join('\n', _tail);
    }

    public bool Printed(string text)
    {
        lock (_tail)
            return _tail.Any(l => l.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Waits until the URL answers 2xx; fails with the process's output if it exits or times out.</summary>
    public async Task WaitForHttpAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // HasExited can be true before the output handlers saw the last lines (the reason it exited):
                // waiting for exit also waits for both streams to reach their end.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready.\n{Tail()}");
            }
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} was not ready at {url} after {timeout.TotalSeconds} s.\n{Tail()}");
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, like a crash.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within the grace period.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (_process.HasExited)
            return;
        _ = SendSignal(_process.Id, SigTerm);
        using var cts = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>Stops and releases the process; a second call does nothing (a test may stop what its fixture also stops).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private int _disposed;

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 300)
                _tail.Dequeue();
        }
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
