using Azure.Data.Tables;
using Realtime.Contracts.Questions;
using Realtime.Grains.Questions;
using Realtime.Testing;

namespace Realtime.UnitTests.Questions;

/// <summary>
/// Where a desk's rows go, in a real (in-memory) Azurite: a new desk stores its layout first and puts the questions of
/// one round in one partition; a desk stored before the block layout keeps writing its rows where they already are,
/// so a reload never finds a question twice.
/// </summary>
public sealed class DeskStoreLayoutTests : IAsyncLifetime
{
    private static readonly DeskRules Rules = new() { SubmitsPerMinute = 100 };
    private Azurite _azurite = null!;
    private DeskStore _store = null!;
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync(inMemory: true);
        var service = new TableServiceClient(_azurite.ConnectionString);
        _store = new DeskStore(service);
        _table = service.GetTableClient(DeskStore.TableName);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task NewDesk_StoresItsLayoutFirst_AndOneRoundOfQuestionsInOnePartition()
    {
        var desk = new BookFixture(Rules);
        Assert.False(desk.Book.LayoutStored);
        var ids = Enumerable.Range(0, 5).Select(i => desk.Ask($"第{i}个问题：社区养老服务怎么申请？").Id).ToList();
        await Write("p-new", desk);

        Assert.Equal(["p-new|q0"], (await QuestionRows("p-new")).Select(r => r.PartitionKey).Distinct());
        var stored = await _store.LoadAsync("p-new", CancellationToken.None);
        Assert.Equal(DeskStore.BlockLayout, stored.Settings!.Layout);
        Assert.Equal(ids, stored.Questions.Select(q => q.Id).Order());
    }

    [Fact]
    public async Task DeskStoredBeforeTheBlockLayout_KeepsItsRowsWhereTheyAre()
    {
        // A desk as the earlier version stored it: questions by id modulo 8, a settings row without a layout.
        var before = new BookFixture(Rules);
        var ids = Enumerable.Range(0, 4).Select(i => before.Ask($"第{i}个问题：医保报销需要哪些材料？").Id).ToList();
        await _store.WriteAsync("p-old", before.Book.TakeChanges(), before.Book.Settings with { Layout = DeskStore.IdLayout }, _ => []);
        var partitions = (await QuestionRows("p-old")).Select(r => r.PartitionKey).Distinct().Count();
        Assert.True(partitions > 1, "the earlier layout spreads one round over partitions");

        var after = new BookFixture(Rules);
        after.Book.Restore(await _store.LoadAsync("p-old", CancellationToken.None));
        Assert.Equal(DeskStore.IdLayout, after.Book.Settings.Layout);
        after.Do(new Approve(ids[1]));
        after.Ask("新问题：公积金怎么提取？");
        await Write("p-old", after);

        var rows = await QuestionRows("p-old");
        Assert.Equal(ids.Count + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal($"p-old|q{long.Parse(r.RowKey) % DeskStore.Shards}", r.PartitionKey));
        var reloaded = await _store.LoadAsync("p-old", CancellationToken.None);
        Assert.Equal(QuestionStatus.Approved, reloaded.Questions.Single(q => q.Id == ids[1]).Status);
    }

    [Fact]
    public void DeskWithRowsButNoSettingsRow_IsReadAsTheEarlierLayout()
    {
        var earlier = new BookFixture(Rules);
        var question = earlier.Get(earlier.Ask("低保怎么申请？").Id);
        var restored = new BookFixture(Rules);
        restored.Book.Restore(new DeskStored(null, [question], [], [], [], [], []));
        Assert.Equal(DeskStore.IdLayout, restored.Book.Settings.Layout);
        Assert.True(restored.Book.LayoutStored);
    }

    /// <summary>What the desk's writer does: the first write of a desk whose layout is not stored writes the settings first.</summary>
    private async Task Write(string programmeId, BookFixture desk)
    {
        var changes = desk.Book.TakeChanges();
        changes.SettingsChanged |= !desk.Book.LayoutStored;
        await _store.WriteAsync(programmeId, changes, desk.Book.Settings, _ => [], settingsFirst: !desk.Book.LayoutStored);
        desk.Book.LayoutStored = true;
    }

    private async Task<List<TableEntity>> QuestionRows(string programmeId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo(programmeId + "|q") >= 0
            && e.PartitionKey.CompareTo(programmeId + "|r") < 0))
            rows.Add(row);
        return rows;
    }
}
