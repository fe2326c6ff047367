using Realtime.Contracts.Common;
using Realtime.Contracts.Districts;
using Realtime.Contracts.Live;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;

namespace Realtime.Grains.Programmes;

public sealed class ProgrammeGrain(
    [PersistentState("programme", StorageNames.Default)] IPersistentState<ProgrammeGrainState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IProgrammeGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<Result<ProgrammeDetails>> Schedule(ScheduleProgramme command)
    {
        if (state.State.Details is { } existing)
        {
            return IsSameSchedule(existing, command)
                ? Result<ProgrammeDetails>.Ok(existing)
                : Result<ProgrammeDetails>.WrongState(existing.State.ToString(), $"节目 {Id} 已存在。");
        }
        if (ProgrammeValidator.Validate(command) is { } error)
            return Result<ProgrammeDetails>.Invalid(error.Field, error.Message);

        var districts = await Task.WhenAll(command.Districts.Select(code => grains.GetGrain<IDistrictGrain>(code).Get()));
        for (var i = 0; i < districts.Length; i++)
        {
            if (districts[i] is null)
                return Result<ProgrammeDetails>.Invalid($"districts[{i}]", $"未知的区县代码：{command.Districts[i]}。");
        }

        var details = new ProgrammeDetails(
            Id, command.Series, SeriesCatalog.KindOf(command.Series), command.Title.Trim(),
            command.ScheduledStart, command.ScheduledEnd,
            command.Guests.IsDefault ? [] : command.Guests, command.Districts,
            ProgrammeState.Scheduled, StartedAt: null, EndedAt: null, ArchivedAt: null, Version: 1);
        return await Save(details);
    }

    public Task<ProgrammeDetails?> Get() => Task.FromResult(state.State.Details);

    public Task<Result<ProgrammeDetails>> GoLive() =>
        Move(ProgrammeState.Live, (d, now) => d with { StartedAt = now });

    public Task<Result<ProgrammeDetails>> End() =>
        Move(ProgrammeState.Ended, (d, now) => d with { EndedAt = now });

    public Task<Result<ProgrammeDetails>> Archive() =>
        Move(ProgrammeState.Archived, (d, now) => d with { ArchivedAt = now });

    private async Task<Result<ProgrammeDetails>> Move(
        ProgrammeState target, Func<ProgrammeDetails, DateTimeOffset, ProgrammeDetails> stamp)
    {
        if (state.State.Details is not { } current)
            return Result<ProgrammeDetails>.NotFound($"节目 {Id} 不存在。");
        if (!ProgrammeLifecycle.CanMove(current.State, target))
            return Result<ProgrammeDetails>.WrongState(current.State.ToString(), ProgrammeLifecycle.Refusal(current.State, target));

        var next = stamp(current, clock.GetUtcNow()) with { State = target, Version = current.Version + 1 };
        return await Save(next);
    }

    private async Task<Result<ProgrammeDetails>> Save(ProgrammeDetails details)
    {
        state.State.Details = details;
        await state.WriteStateAsync();

        // The programme is persisted; now tell the lists that show it, then every LiveApi host.
        var summary = details.ToSummary();
        await Task.WhenAll(details.Districts
            .Select(code => grains.GetGrain<IDistrictGrain>(code).TrackProgramme(summary))
            .Append(grains.GetGrain<IProgrammeCatalogGrain>(IProgrammeCatalogGrain.All).Track(summary)));
        await grains.GetGrain<IQuestionDeskGrain>(Id).ProgrammeChanged(details);
        await grains.GetGrain<ILivePublisherGrain>(0).Publish(new ProgrammeChanged(details));
        return Result<ProgrammeDetails>.Ok(details);
    }

    private static bool IsSameSchedule(ProgrammeDetails d, ScheduleProgramme c) =>
        d.Series == c.Series && d.Title == c.Title.Trim() && d.ScheduledStart == c.ScheduledStart
        && d.ScheduledEnd == c.ScheduledEnd && d.Districts.SequenceEqual(c.Districts)
        && d.Guests.SequenceEqual(c.Guests.IsDefault ? [] : c.Guests);
}
