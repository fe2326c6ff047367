using Realtime.Contracts.Common;

namespace Realtime.Contracts.FollowUps;

/// <summary>One follow-up case (key "{programmeId}.{questionId}"); a reminder flags it when its deadline passes.</summary>
[Alias("Realtime.IFollowUpCaseGrain")]
public interface IFollowUpCaseGrain : IGrainWithStringKey
{
    /// <summary>Opens the case (idempotent); called by the programme's desk.</summary>
    [Alias("Open")]
    Task Open(FollowUpCase followUp);

    [Alias("Get")]
    Task<FollowUpCase?> Get();

    /// <summary>A department user answers in writing. Only the case's own department, only while it is open.</summary>
    [Alias("Answer")]
    Task<Result<FollowUpCase>> Answer(string department, string answeredBy, string text);
}
