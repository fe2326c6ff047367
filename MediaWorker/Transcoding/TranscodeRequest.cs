namespace Realtime.MediaWorker.Transcoding;

/// <summary>One job: a local source file and a local, empty (or not yet existing) output folder.</summary>
public sealed record TranscodeRequest(string InputPath, string OutputDirectory, ProgrammeKind Kind);
