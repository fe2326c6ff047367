using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.Grains.Questions;

namespace Realtime.UnitTests.Questions;

/// <summary>A clock the tests move by hand.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 11, 30, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>A live programme's question book with a viewer, a screener and a host.</summary>
public sealed class BookFixture
{
    public static readonly CommunityInfo Nanhu = new("210102001001", "南湖社区", "210102");
    public readonly ManualClock Clock = new();
    public readonly QuestionBook Book;
    public readonly Actor Viewer = new("viewer:alice", "观众", DeskRole.Viewer);
    public readonly Actor OtherViewer = new("viewer:bob", "观众", DeskRole.Viewer);
    public readonly Actor Screener = new("staff:screener", "导播", DeskRole.Screener);
    public readonly Actor Host = new("staff:host", "主持人", DeskRole.Host);

    public BookFixture(DeskRules? rules = null)
    {
        Book = new QuestionBook("p-test", rules ?? new DeskRules(), Clock);
        Book.SetProgramme(new ProgrammeDetails("p-test", Series.MinshengFaceToFace, ProgrammeKind.Tv, "测试", Clock.Now,
            Clock.Now.AddHours(1), [], ["210102"], ProgrammeState.Live, Clock.Now, null, null, 2));
    }

    public PublicQuestion Ask(string text, Actor? asker = null, string? requestId = null)
    {
        var result = Book.Submit(asker ?? Viewer, new SubmitQuestion(requestId ?? Guid.NewGuid().ToString(), text, null, Nanhu.Code, "养老", "labour", IgnoreSimilar: true), Nanhu);
        Assert.True(result.IsOk, result.Message);
        return result.Value!.Question!;
    }

    public DeskStatus Do(ModerationCommand command, Actor? actor = null)
    {
        var result = Book.Moderate(actor ?? Host, command);
        Assert.True(result.IsOk, result.Message);
        return result.Value!;
    }

    public Question Get(long id) => Book.All.Single(q => q.Id == id);
}
