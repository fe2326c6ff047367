namespace Realtime.Grains.Common;

/// <summary>
/// Group commit for a reentrant grain: callers change state in memory, then await <see cref="Commit"/>. One write runs
/// at a time; every caller that arrives while it runs is acknowledged by the next write, so under load one write
/// acknowledges many callers. Runs on the grain's scheduler, so it needs no locks.
/// </summary>
public sealed class GroupCommit(Func<Task> writeOnce)
{
    private TaskCompletionSource? _waiting;
    private bool _writing;

    /// <summary>Completes when a write that started after this call has succeeded; faults if it failed.</summary>
    public Task Commit()
    {
        _waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var persisted = _waiting.Task;
        if (!_writing)
            _ = Loop();
        return persisted;
    }

    private async Task Loop()
    {
        _writing = true;
        try
        {
            while (_waiting is { } waiters)
            {
                _waiting = null;
                try
                {
                    await writeOnce();
                    waiters.SetResult();
                }
                catch (Exception ex)
                {
                    waiters.SetException(ex);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
