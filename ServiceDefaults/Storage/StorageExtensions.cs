using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ServiceDefaults.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Registers the service's own store from the "Storage" section and applies the schema scripts embedded
    /// in <paramref name="scriptAssembly"/> (under a Schema folder) at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder, Assembly scriptAssembly)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<Database>();
        builder.Services.AddHostedService(sp =>
        {
            EnsureSqliteFolder(sp.GetRequiredService<IOptions<StorageOptions>>().Value);
            return new SchemaMigrator(sp.GetRequiredService<Database>(), scriptAssembly, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SchemaMigrator>>());
        });
        builder.Services.AddSingleton<GrowingTableStatistics>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GrowingTableStatistics>());
        return builder;
    }

    // SQLite creates the file but not its folder; the default data folder may not exist on a fresh clone.
    private static void EnsureSqliteFolder(StorageOptions options)
    {
        if (options.Provider != SqlProvider.Sqlite)
        {
            return;
        }
        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
