using Actors.Gateway.Dashboard;
using Actors.Gateway.Security;
using Actors.TestSupport;

namespace Actors.Gateway.Tests.Dashboard;

[Trait("Category", "Unit")]
public sealed class DashboardSessionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_session_lives_while_used_and_ends_after_twelve_idle_hours()
    {
        var time = new ManualTime(Start);
        var sessions = new DashboardSessions(time);
        var id = sessions.Start(UserInfo.Admin);

        time.Advance(TimeSpan.FromHours(11));
        Assert.Equal(UserInfo.Admin, sessions.Resume(id));
        time.Advance(TimeSpan.FromHours(11));
        Assert.Equal(UserInfo.Admin, sessions.Resume(id));
        time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        Assert.Null(sessions.Resume(id));
        Assert.Equal(0, sessions.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-session")]
    public void Unknown_session_ids_resume_nothing(string? id)
    {
        var sessions = new DashboardSessions(new ManualTime(Start));
        sessions.Start(UserInfo.Admin);

        Assert.Null(sessions.Resume(id));
    }

    [Fact]
    public void Ended_sessions_are_gone_and_ids_differ()
    {
        var sessions = new DashboardSessions(new ManualTime(Start));
        var first = sessions.Start(UserInfo.Admin);
        var second = sessions.Start(UserInfo.Admin);

        sessions.End(first);

        Assert.NotEqual(first, second);
        Assert.True(first.Length >= 43, first);
        Assert.Null(sessions.Resume(first));
        Assert.NotNull(sessions.Resume(second));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(299, true)]
    [InlineData(301, false)]
    public void A_code_is_good_for_five_minutes(int secondsLater, bool accepted)
    {
        var time = new ManualTime(Start);
        var sessions = new DashboardSessions(time);
        var (code, expiresAt) = sessions.IssueCode(UserInfo.Admin);

        time.Advance(TimeSpan.FromSeconds(secondsLater));

        Assert.Equal(Start + TimeSpan.FromMinutes(5), expiresAt);
        Assert.Equal(accepted, sessions.Redeem(code) is not null);
    }

    [Fact]
    public void A_code_is_spent_by_its_first_use()
    {
        var sessions = new DashboardSessions(new ManualTime(Start));
        var (code, _) = sessions.IssueCode(UserInfo.Admin);

        Assert.Equal(UserInfo.Admin, sessions.Redeem(code));
        Assert.Null(sessions.Redeem(code));
    }
}
