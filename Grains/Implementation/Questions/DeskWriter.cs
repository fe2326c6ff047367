using System.Collections.Immutable;
using Realtime.Contracts.Programmes;
using Realtime.Grains.Common;

namespace Realtime.Grains.Questions;

/// <summary>
/// The group commit of one desk: writes what the book changed since the last write — each row with the effects it
/// implies — then pushes it and hands the effects to the <see cref="DeskEffectPump"/>. After a failed write nothing more
/// is written by this activation (memory may hold what storage does not), so the desk reloads from storage.
/// </summary>
public sealed class DeskWriter
{
    private readonly string _programmeId;
    private readonly QuestionBook _book;
    private readonly DeskStore _store;
    private readonly OutboxReminder _reminder;
    private readonly Action<DeskChangeSet> _written;
    private readonly Action _broken;
    private readonly GroupCommit _commit;
    private bool _failed;
    private bool _watermarkDirty;

    public DeskWriter(string programmeId, QuestionBook book, DeskStore store, OutboxReminder reminder,
        Func<DeskEffectPump> pump, Action<DeskChangeSet> written, Action broken)
    {
        (_programmeId, _book, _store, _reminder, _written, _broken) = (programmeId, book, store, reminder, written, broken);
        Pump = pump();
        _commit = new GroupCommit(WriteOnce);
    }

    public DeskEffectPump Pump { get; }

    /// <summary>Completes once everything changed before this call is stored.</summary>
    public Task Commit() => _commit.Commit();

    /// <summary>
    /// Every stored effect is confirmed: the watermark goes with the next write. While the programme is live that write
    /// comes soon anyway (an extra one per pump round would cost the busy desk); otherwise it is written now, and once the
    /// programme is over the reminder is dropped.
    /// </summary>
    public async Task Settled()
    {
        _watermarkDirty = true;
        if (_book.ProgrammeState == ProgrammeState.Live)
            return;
        await Commit();
        if (_book.ProgrammeState is ProgrammeState.Ended or ProgrammeState.Archived)
            await _reminder.Clear(() => Pump.Outbox.IsEmpty);
    }

    private async Task WriteOnce()
    {
        if (_failed)
            throw new InvalidOperationException($"The desk of {_programmeId} is reloading after a failed write.");
        var version = _book.Version;
        var changes = _book.TakeChanges();
        foreach (var (row, effect) in changes.Effects)
            Pump.Outbox.Add(row, effect);
        try
        {
            // Registered before the rows that carry the effects exist, so a crash right after the write is resumed.
            if (changes.Effects.Count > 0)
                await _reminder.Ensure();
            changes.SettingsChanged |= _watermarkDirty || !_book.LayoutStored;
            _watermarkDirty = false;
            if (!changes.IsEmpty)
            {
                var settings = _book.Settings with { EffectsConfirmed = Pump.Outbox.Confirmed };
                await _store.WriteAsync(_programmeId, changes, settings, Pump.Outbox.ForQuestion, settingsFirst: !_book.LayoutStored);
                _book.LayoutStored = true;
            }
        }
        catch
        {
            _failed = true;
            _broken();
            throw;
        }
        Pump.Outbox.MarkStored(_book.Version);
        if (_book.Version != version)
            _written(changes);
        Pump.Kick();
    }
}
