using System.Text.Json;
using Realtime.Testing;

namespace Realtime.BrowserTests.Infrastructure;

/// <summary>A programme published in the archive: two questions answered on air (two chapters), its recording transcoded.</summary>
public sealed record PublishedRecording(string ProgrammeId, string JobId, PublishedRecording.Chapter[] Chapters)
{
    public const string Title = "新民市农机具购置补贴政策解读";
    public const string FirstQuestion = "今年农机具购置补贴什么时候开始申请？需要准备哪些材料？";
    public const string SecondQuestion = "补贴资金多长时间能发到农户手里？";

    public sealed record Chapter(long QuestionId, string Text, double OnAirSeconds);

    /// <summary>The recording's length: the programme's own, from going live to ending.</summary>
    public double DurationSeconds { get; init; }

    public static async Task<PublishedRecording> MakeAsync(BrowserFixture fixture)
    {
        var worker = fixture.WorkerAsync();
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var id = await backstage.LiveProgrammeAsync(Title, ["210181"], "DirectorInterview");
        var first = await backstage.SubmitAsNewViewerAsync(id, FirstQuestion, "210181001001", "东城农机户", "农机具补贴", "agriculture");
        var second = await backstage.SubmitAsNewViewerAsync(id, SecondQuestion, "210181001002", null, "农机具补贴", "agriculture");
        foreach (var question in new[] { first, second })
            await backstage.ModerateAsync(id, new { type = "approve", questionId = question });
        await backstage.ModerateAsync(id, new { type = "on-air", questionId = first });
        await backstage.ModerateAsync(id, new { type = "answered", questionId = first });
        // The second chapter starts some seconds after the first, so a seek to it is plain to see.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await backstage.ModerateAsync(id, new { type = "on-air", questionId = second });
        await backstage.ModerateAsync(id, new { type = "answered", questionId = second });
        await backstage.EndAsync(id);

        // The recording covers the show as it ran, from going live to ending (and a few seconds more).
        using var anyone = fixture.Api.CreateClient();
        var programme = await (await anyone.GetAsync($"/api/programmes/{id}")).ReadAsync<JsonElement>();
        var duration = (programme.GetProperty("endedAt").GetDateTimeOffset() - programme.GetProperty("startedAt").GetDateTimeOffset()).TotalSeconds;
        var sample = await fixture.Samples.ShowAsync((int)Math.Ceiling(duration) + 4);
        await worker;
        var jobId = await backstage.UploadRecordingAsync(id, sample);
        await backstage.SucceededAsync(jobId);
        var detail = await (await anyone.GetAsync($"/api/archive/{id}")).ReadAsync<JsonElement>();
        var chapters = detail.GetProperty("chapters").EnumerateArray()
            .Select(c => new Chapter(c.GetProperty("questionId").GetInt64(), c.GetProperty("text").GetString()!, c.GetProperty("onAirSeconds").GetDouble()))
            .OrderBy(c => c.OnAirSeconds).ToArray();
        return new PublishedRecording(id, jobId, chapters) { DurationSeconds = Math.Max(12, Math.Ceiling(duration) + 4) };
    }
}
