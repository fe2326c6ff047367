using System.Collections.Immutable;
using Realtime.Contracts.Programmes;
using Realtime.Grains.Common;
using Realtime.Grains.Programmes;

namespace Realtime.UnitTests.Programmes;

public sealed class ProgrammeValidatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 19, 30, 0, TimeSpan.FromHours(8));

    private static ScheduleProgramme Valid() => new(Series.MinshengFaceToFace, "聚焦养老服务", Start, Start.AddMinutes(90),
        [new Guest("沈阳市民政局", "王建国", "局长")], ["210102"]);

    [Fact]
    public void Validate_AValidCommand_HasNoError() => Assert.Null(ProgrammeValidator.Validate(Valid()));

    [Fact]
    public void Validate_NoGuests_IsFine() => Assert.Null(ProgrammeValidator.Validate(Valid() with { Guests = default }));

    public static TheoryData<string, ScheduleProgramme> Invalid => new()
    {
        { "series", Valid() with { Series = (Series)42 } },
        { "title", Valid() with { Title = "" } },
        { "title", Valid() with { Title = "第一行\n第二行" } },
        { "title", Valid() with { Title = new string('政', 101) } },
        { "scheduledEnd", Valid() with { ScheduledEnd = Start } },
        { "scheduledEnd", Valid() with { ScheduledEnd = Start.AddHours(13) } },
        { "districts", Valid() with { Districts = [] } },
        { "districts", Valid() with { Districts = ["210102", "210102"] } },
        { "guests[0]", Valid() with { Guests = [new Guest("", "王", "局长")] } },
        { "guests", Valid() with { Guests = Enumerable.Repeat(new Guest("局", "王", "长"), 21).ToImmutableArray() } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidCommand_NamesTheField(string field, ScheduleProgramme command)
    {
        var error = ProgrammeValidator.Validate(command);
        Assert.NotNull(error);
        Assert.Equal(field, error.Value.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Value.Message));
    }

    [Fact]
    public void TextRules_CountsUserPerceivedCharacters_SoAHundredChineseCharactersFit()
    {
        Assert.Null(TextRules.Check(new string('民', 100), "标题", 100));
        Assert.Equal(4, TextRules.VisibleLength("👨‍👩‍👧民生x"));
        Assert.NotNull(TextRules.Check("a\u0000b", "标题", 100));
    }
}
