namespace Realtime.MediaWorker.Transcoding;

/// <summary>One produced file, ready to upload with its content type.</summary>
/// <param name="RelativePath">Path inside the output folder with '/' separators, e.g. "720p/seg-00001.m4s".</param>
public sealed record OutputFile(string RelativePath, string ContentType, long SizeBytes);
