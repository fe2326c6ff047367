using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Realtime.ServiceDefaults;

public static class SettingsExtensions
{
    /// <summary>
    /// Binds a settings class to its section, validated (data annotations) when the host starts, and returns the
    /// bound values for wiring that needs them before the container is built (ports, connection strings).
    /// </summary>
    public static T AddSettings<T>(this IHostApplicationBuilder builder, string section) where T : class, new()
    {
        builder.Services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return builder.Configuration.GetSection(section).Get<T>() ?? new T();
    }
}
