using Microsoft.Extensions.Options;
using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Media;

namespace Realtime.LiveApi.Security;

/// <summary>
/// Outside Development, LiveApi refuses to start with a secret anyone can read in this repository, with a key too
/// short or too regular to be random, or with blob CORS open to every origin — naming the setting to change.
/// </summary>
public sealed class ProductionSecrets(IHostEnvironment environment) : IValidateOptions<AuthSettings>, IValidateOptions<MediaSettings>
{
    /// <summary>Published in appsettings.Development.json and the README: fine on a laptop, never in production.</summary>
    public const string DevelopmentSigningKey = "development-only-signing-key-change-me-in-production-0123456789";

    public const string DevelopmentWorkerKey = "development-worker-key";

    private const string HowToMake = "generate one with `openssl rand -base64 48`";

    public ValidateOptionsResult Validate(string? name, AuthSettings options)
    {
        if (environment.IsDevelopment())
            return ValidateOptionsResult.Success;
        if (options.SigningKey == DevelopmentSigningKey)
            return ValidateOptionsResult.Fail($"Auth:SigningKey is the published development key; set a secret of your own ({HowToMake}).");
        return IsStrong(options.SigningKey)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Auth:SigningKey must be at least 32 random characters ({HowToMake}).");
    }

    public ValidateOptionsResult Validate(string? name, MediaSettings options)
    {
        if (environment.IsDevelopment())
            return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (options.WorkerKeys.Contains(DevelopmentWorkerKey))
            failures.Add($"Media:WorkerKeys holds the published development key \"{DevelopmentWorkerKey}\"; give each worker a secret of your own ({HowToMake}).");
        else if (options.WorkerKeys.FirstOrDefault(k => !IsStrong(k)) is not null)
            failures.Add($"Media:WorkerKeys must be at least 32 random characters each ({HowToMake}).");
        if (options.CorsOrigins.Count == 0 || options.CorsOrigins.Contains("*"))
            failures.Add("Media:CorsOrigins must list the site's own origins (e.g. https://live.shenyang.gov.cn), not \"*\": browsers upload and play straight from blob storage.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Long, and not a word or a repeated pattern: at least 32 characters of which at least 16 differ.</summary>
    public static bool IsStrong(string? secret) => secret is { Length: >= 32 } && secret.Distinct().Count() >= 16;
}
