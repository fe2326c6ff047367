namespace Realtime.Grains.Common;

/// <summary>
/// A reminder that brings a grain back after a crash while it has stored effects still to deliver (the grain's
/// <c>ReceiveReminder</c> resumes them). It is registered before the write that stores the first such effect and removed
/// once the grain has nothing left to deliver. Register and remove run one after the other, so a removal can never
/// overtake a registration that a newer effect needed.
/// </summary>
public sealed class OutboxReminder(Grain grain)
{
    public const string Name = "outbox";
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private Task _last = Task.CompletedTask;
    private bool? _registered; // null: not known in this activation
    private IGrainReminder? _handle;

    /// <summary>Completes once the reminder is registered.</summary>
    public Task Ensure() => Serialize(async () =>
    {
        if (_registered != true)
        {
            _handle = await grain.RegisterOrUpdateReminder(Name, Period, Period);
            _registered = true;
        }
    });

    /// <summary>Removes the reminder if <paramref name="nothingLeft"/> still holds when it is this call's turn.</summary>
    public Task Clear(Func<bool> nothingLeft) => Serialize(async () =>
    {
        if (_registered == false || !nothingLeft())
            return;
        if ((_handle ?? await grain.GetReminder(Name)) is { } reminder)
            await grain.UnregisterReminder(reminder);
        _registered = false;
        _handle = null;
    });

    /// <summary>The reminder fired, so it exists.</summary>
    public void Fired() => _registered = true;

    private Task Serialize(Func<Task> operation)
    {
        var next = After(_last, operation);
        _last = next;
        return next;
    }

    private static async Task After(Task previous, Func<Task> operation)
    {
        try
        {
            await previous;
        }
        catch
        {
            // The earlier operation's caller saw its failure; this one runs regardless.
        }
        await operation();
    }
}
