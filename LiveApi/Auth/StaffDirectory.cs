using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Realtime.LiveApi.Auth;

/// <summary>Checks staff credentials against the configured users (hashed passwords only).</summary>
public sealed class StaffDirectory(IOptionsMonitor<AuthSettings> options)
{
    private static readonly PasswordHasher<ConfiguredUser> Hasher = new();

    /// <summary>The user when name and password match; null otherwise (no hint which one was wrong).</summary>
    public ConfiguredUser? Verify(string name, string password)
    {
        var user = options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
        if (user is null)
        {
            // Spend the same time as a real check so timing does not reveal which names exist.
            Hasher.VerifyHashedPassword(new ConfiguredUser(), DummyHash, password);
            return null;
        }
        var outcome = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        return outcome == PasswordVerificationResult.Failed ? null : user;
    }

    public static string Hash(string password) => Hasher.HashPassword(new ConfiguredUser(), password);

    private static readonly string DummyHash = Hash(Guid.NewGuid().ToString());
}
