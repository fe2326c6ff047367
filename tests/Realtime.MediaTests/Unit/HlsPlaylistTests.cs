using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

public sealed class HlsPlaylistTests
{
    private const string Growing = """
        #EXTM3U
        #EXT-X-VERSION:7
        #EXT-X-TARGETDURATION:4
        #EXT-X-MEDIA-SEQUENCE:0
        #EXT-X-PLAYLIST-TYPE:EVENT
        #EXT-X-INDEPENDENT-SEGMENTS
        #EXT-X-MAP:URI="init_0.mp4"
        #EXTINF:4.000000,
        seg-00000.m4s
        #EXTINF:4.000000,
        seg-00001.m4s

        """;

    private const string Master = """
        #EXTM3U
        #EXT-X-VERSION:7
        #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_aud",NAME="audio_2",DEFAULT=YES,URI="audio/index.m3u8"
        #EXT-X-STREAM-INF:BANDWIDTH=75900,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2",AUDIO="group_aud"
        360p/index.m3u8

        """;

    [Fact]
    public void References_MediaPlaylist_InitSectionThenSegmentsInOrder() =>
        Assert.Equal(["init_0.mp4", "seg-00000.m4s", "seg-00001.m4s"], HlsPlaylist.References(Growing));

    [Fact]
    public void References_MasterPlaylist_AudioRenditionAndVariants() =>
        Assert.Equal(["audio/index.m3u8", "360p/index.m3u8"], HlsPlaylist.References(Master));

    [Fact]
    public void HasSegment_OnlyTheInitSectionYet_False()
    {
        Assert.False(HlsPlaylist.HasSegment("#EXTM3U\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXT-X-MAP:URI=\"init_0.mp4\"\n"));
        Assert.True(HlsPlaylist.HasSegment(Growing));
    }

    [Fact]
    public void ToVod_EventPlaylist_VodTypeAndOneEndTag()
    {
        var vod = HlsPlaylist.ToVod(Growing);

        Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD\n", vod);
        Assert.DoesNotContain("EVENT", vod);
        Assert.EndsWith("seg-00001.m4s\n#EXT-X-ENDLIST\n", vod);
        Assert.Equal(vod, HlsPlaylist.ToVod(HlsPlaylist.ToVod(Growing.TrimEnd() + "\n#EXT-X-ENDLIST\n")));
    }

    [Fact]
    public void ToVod_MasterPlaylist_Unchanged() => Assert.Same(Master, HlsPlaylist.ToVod(Master));
}
