using Realtime.Contracts.Common;
using Realtime.Contracts.Media;

namespace Realtime.Grains.Media;

[GenerateSerializer, Alias("Realtime.UploadState")]
public sealed class UploadState
{
    [Id(0)] public UploadSession? Session { get; set; }
}

public sealed class UploadGrain([PersistentState("upload", StorageNames.Default)] IPersistentState<UploadState> state) : Grain, IUploadGrain
{
    public async Task<Result<UploadSession>> Start(UploadSession session)
    {
        if (state.State.Session is { } existing)
            return Result<UploadSession>.Ok(existing);
        state.State.Session = session;
        await state.WriteStateAsync();
        return Result<UploadSession>.Ok(session);
    }

    public Task<UploadSession?> Get() => Task.FromResult(state.State.Session);

    public async Task<UploadSession> Sealed(string snapshot)
    {
        var session = state.State.Session ?? throw new InvalidOperationException("No upload session.");
        if (session.SealedSnapshot is not null)
            return session;
        state.State.Session = session with { SealedSnapshot = snapshot };
        await state.WriteStateAsync();
        return state.State.Session;
    }

    public async Task<UploadSession> Completed(string jobId)
    {
        var session = state.State.Session ?? throw new InvalidOperationException("No upload session.");
        if (session.JobId is not null)
            return session;
        state.State.Session = session with { JobId = jobId };
        await state.WriteStateAsync();
        return state.State.Session;
    }
}
