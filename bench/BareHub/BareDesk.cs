using System.Text.Json;
using System.Threading.Channels;
using Azure.Data.Tables;
using Microsoft.AspNetCore.SignalR;

/// <summary>
/// Baseline of bench/DeskBench: a plain SignalR hub that stores each submit as a row of an Azure table and acknowledges
/// after the write — the same group commit as the product's desk (one write round acknowledges every submit that
/// arrived during the previous one; rows over 8 partitions, batch transactions of ≤ 100 rows, partitions in parallel)
/// and one push of the round's new questions to the moderators. No Orleans, no rules, no auth: what durability alone costs.
/// </summary>
public sealed class BareDeskHub(BareDeskWriter writer) : Hub
{
    public async Task<object> Submit(string programmeId, BareSubmit question)
    {
        if (string.IsNullOrWhiteSpace(question.Text) || string.IsNullOrEmpty(question.RequestId))
            return new { ok = false, error = new { kind = "Invalid", message = "缺少问题内容。" } };
        var stored = await writer.Append(programmeId, question, Context.ConnectionId);
        return new { ok = true, value = new { question = stored } };
    }

    public async Task<object> Moderate(string programmeId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, "staff:" + programmeId);
        return new { ok = true, value = new { programmeId } };
    }
}

public sealed record BareSubmit(string RequestId, string Text, string? CommunityCode, string? Topic, string? Department);

public sealed record BareQuestion(long Id, string ProgrammeId, string RequestId, string AskerId, string Text, string? CommunityCode,
    string? Topic, string? Department, string Status, int Votes, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, long Version);

public sealed class BareDeskWriter
{
    // The desk's layout: 8 partitions per programme, runs of 64 ids in one (a round's new questions share one).
    private const int Shards = 8;
    private const int Block = 64;
    private const int MaxBatch = 100;
    private readonly Channel<(BareQuestion Question, TaskCompletionSource Stored)> _pending =
        Channel.CreateUnbounded<(BareQuestion, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TableClient _table;
    private readonly IHubContext<BareDeskHub> _hub;
    private long _nextId;

    public BareDeskWriter(IConfiguration configuration, IHubContext<BareDeskHub> hub)
    {
        _hub = hub;
        _table = new TableServiceClient(configuration["Table"] ?? throw new InvalidOperationException("--Table <connection string> is required"))
            .GetTableClient("BareDesk");
        _table.CreateIfNotExists();
        _ = Task.Run(Loop);
    }

    public async Task<BareQuestion> Append(string programmeId, BareSubmit submit, string askerId)
    {
        var now = DateTimeOffset.UtcNow;
        var question = new BareQuestion(Interlocked.Increment(ref _nextId), programmeId, submit.RequestId, askerId, submit.Text,
            submit.CommunityCode, submit.Topic, submit.Department, "Pending", 0, now, now, 1);
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _pending.Writer.WriteAsync((question, stored));
        await stored.Task;
        return question;
    }

    private async Task Loop()
    {
        var round = new List<(BareQuestion Question, TaskCompletionSource Stored)>();
        while (await _pending.Reader.WaitToReadAsync())
        {
            round.Clear();
            while (_pending.Reader.TryRead(out var item))
                round.Add(item);
            try
            {
                var batches = round
                    .Select(p => new TableEntity($"{p.Question.ProgrammeId}|q{p.Question.Id / Block % Shards}", p.Question.Id.ToString("D10"))
                        { ["Data"] = JsonSerializer.Serialize(p.Question) })
                    .GroupBy(r => r.PartitionKey).SelectMany(p => p.Chunk(MaxBatch));
                await Task.WhenAll(batches.Select(batch =>
                    _table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)))));
                foreach (var programme in round.GroupBy(p => p.Question.ProgrammeId))
                    await _hub.Clients.Group("staff:" + programme.Key).SendAsync("StaffDeskChanged",
                        new { programmeId = programme.Key, version = programme.Max(p => p.Question.Id), questions = programme.Select(p => p.Question).ToArray(), log = Array.Empty<object>() });
                foreach (var (_, stored) in round)
                    stored.SetResult();
            }
            catch (Exception ex)
            {
                foreach (var (_, stored) in round)
                    stored.SetException(ex);
            }
        }
    }
}
