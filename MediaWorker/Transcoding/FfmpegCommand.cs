using FFMpegCore;
using FFMpegCore.Arguments;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// An argument list from the builders as FFMpegCore arguments: the inputs (everything up to the last "-i" and its
/// file, with their options) and the outputs (their options and targets), each quoted by <see cref="CommandLine"/>.
/// The builders stay pure lists that tests read; FFMpegCore runs the process.
/// </summary>
public static class FfmpegCommand
{
    public static FFMpegArgumentProcessor From(IReadOnlyList<string> arguments)
    {
        var lastInput = -1;
        for (var i = 0; i < arguments.Count - 1; i++)
        {
            if (arguments[i] == "-i")
                lastInput = i + 1;
        }
        if (lastInput < 0)
            throw new ArgumentException("An ffmpeg command needs an input (-i).", nameof(arguments));
        return FFMpegArguments
            .FromInput(new Part(CommandLine.Join(arguments.Take(lastInput + 1))))
            .OutputTo(new Part(CommandLine.Join(arguments.Skip(lastInput + 1))));
    }

    /// <summary>A run of already quoted arguments; files are local, so there is nothing to do before, during or after.</summary>
    private sealed class Part(string text) : IInputArgument, IOutputArgument
    {
        public string Text => text;

        public void Pre(FFOptions options)
        {
        }

        public Task During(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void Post()
        {
        }
    }
}
